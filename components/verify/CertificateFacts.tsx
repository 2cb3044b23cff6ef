import type { PublicCertificateView } from "@/lib/services/documents/verify-upload-result";
import type { FactLabels } from "./verify-words";
import styles from "./verify.module.css";

/** The public part of a certificate: masked name only, never identity number, phone or birth date. */
export function CertificateFacts({
  certificate: c,
  labels,
  narrow = false,
}: {
  certificate: PublicCertificateView;
  /** Row names in the page's language; the values are register data and stay as recorded. */
  labels: FactLabels;
  narrow?: boolean;
}) {
  const rows: [string, string][] = [
    [labels.registrationNo, c.registrationNo],
    [labels.name, c.maskedName || "—"],
    [labels.gender, c.gender],
    [labels.program, c.programName],
    [labels.specialty, c.specialty],
    [labels.employer, c.employerName || "—"],
    [labels.validity, labels.validityValue.replace("{from}", c.validFrom).replace("{to}", c.validTo)],
    [labels.authority, c.issuingAuthority || "—"],
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
