import type { PublicCertificateView } from "@/lib/services/documents/verify-upload-result";
import styles from "./verify.module.css";

/** The public part of a certificate: masked name only, never identity number, phone or birth date. */
export function CertificateFacts({
  certificate: c,
  narrow = false,
}: {
  certificate: PublicCertificateView;
  narrow?: boolean;
}) {
  const rows: [string, string][] = [
    ["注册编号", c.registrationNo],
    ["姓名", c.maskedName || "—"],
    ["性别", c.gender],
    ["注册类别", c.programName],
    ["注册专业", c.specialty],
    ["聘用企业", c.employerName || "—"],
    ["有效期", `${c.validFrom} 至 ${c.validTo}`],
    ["发证机关", c.issuingAuthority || "—"],
  ];
  return (
    <dl className={`facts ${styles.facts} ${narrow ? styles.narrowFacts : ""}`} data-testid="certificate-facts">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
