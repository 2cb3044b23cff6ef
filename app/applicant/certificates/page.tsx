import { getTranslations } from "next-intl/server";
import { PageHead } from "@/components/shell/AppShell";
import { ClaimButton } from "@/components/applicant/ClaimButton";
import { buttonClass } from "@/components/ui/Button";
import { Table } from "@/components/ui/Table";
import { getDb } from "@/db/client";
import { applicantRegistrations } from "@/lib/queries/applicant-applications";
import { requireRole } from "@/lib/server/auth";
import { claim } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("applicant");
  return { title: t("pageTitle", { page: t("menu.certificates") }) };
}

/** The look of each 电子证书 state (未领证, 生成中, 可下载); the words are in the catalog. */
const STATE_TONE = { unclaimed: "warn", generating: "warn", ready: "ok" } as const;
/** Only a registration in force (or suspended) has a certificate to claim. */
const usable = (r: { status: string }) => r.status === "active" || r.status === "suspended";

/** 领证 (R3, `002` §4): the person's registrations and their electronic certificates. */
export default async function CertificatesPage() {
  const user = await requireRole("applicant");
  const [regs, ta, d, sh] = await Promise.all([
    applicantRegistrations(getDb(), user.personId!, user.locale),
    getTranslations("applicant"),
    getTranslations("domain"),
    getTranslations("shell"),
  ]);
  const claimTexts = {
    busy: ta("certificates.claiming"),
    download: ta("certificates.download"),
    refresh: sh("problem.refresh"),
  };
  return (
    <>
      <PageHead title={ta("menu.certificates")} crumb={ta("certificates.crumb")} />
      <section className="card">
        <h2>{ta("certificates.heading")}</h2>
        <p className="ap-muted mt-0">{ta("certificates.intro")}</p>
        <Table
          rows={regs}
          rowKey={(r) => r.id}
          columns={[
            { header: ta("certificates.program"), cell: (r) => r.programName },
            { header: ta("certificates.specialty"), cell: (r) => r.specialtyName },
            { header: ta("certificates.registrationNo"), cell: (r) => r.registrationNo, className: "nowrap" },
            { header: ta("certificates.employer"), cell: (r) => r.employerName },
            { header: ta("certificates.validTo"), cell: (r) => r.validTo, className: "nowrap" },
            {
              header: ta("certificates.registrationStatus"),
              cell: (r) => (
                <span className={`pill ${r.status === "active" ? "ok" : "warn"}`}>
                  {d(`registrationStatus.${r.status}`)}
                </span>
              ),
            },
            {
              header: ta("certificates.certificate"),
              cell: (r) => (
                <span
                  className={`pill ${usable(r) ? STATE_TONE[r.certificateState] : ""}`}
                  data-testid="certificate-state"
                >
                  {usable(r) ? ta(`certificates.state.${r.certificateState}`) : "—"}
                </span>
              ),
            },
            {
              header: ta("certificates.actions"),
              cell: (r) =>
                !usable(r) ? (
                  <span className="ap-muted">{ta("certificates.notClaimable")}</span>
                ) : r.certificateState === "ready" && r.certificateFileId ? (
                  <a className={buttonClass({ size: "sm" })} href={`/files/${r.certificateFileId}?download=1`}>
                    {ta("certificates.download")}
                  </a>
                ) : (
                  <ClaimButton
                    registrationId={r.id}
                    label={ta(r.certificateState === "generating" ? "certificates.claimAgain" : "certificates.claim")}
                    texts={claimTexts}
                    claim={claim}
                  />
                ),
            },
          ]}
          empty={ta("certificates.empty")}
        />
      </section>
    </>
  );
}
