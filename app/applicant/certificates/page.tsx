import { PageHead } from "@/components/shell/AppShell";
import { ClaimButton } from "@/components/applicant/ClaimButton";
import { buttonClass } from "@/components/ui/Button";
import { Table } from "@/components/ui/Table";
import { getDb } from "@/db/client";
import { applicantRegistrations } from "@/lib/queries/applicant-applications";
import { REGISTRATION_STATUS_LABELS } from "@/lib/queries/labels";
import { requireRole } from "@/lib/server/auth";
import { claim } from "./actions";

export const metadata = { title: "领证 - 个人申报系统" };

const STATE = { unclaimed: ["未领证", "warn"], generating: ["生成中", "warn"], ready: ["可下载", "ok"] } as const;
/** Only a registration in force (or suspended) has a certificate to claim. */
const usable = (r: { status: string }) => r.status === "active" || r.status === "suspended";

/** 领证 (R3, `002` §4): the person's registrations and their electronic certificates. */
export default async function CertificatesPage() {
  const user = await requireRole("applicant");
  const regs = await applicantRegistrations(getDb(), user.personId!);
  return (
    <>
      <PageHead title="领证" crumb="领证 / 电子证书" />
      <section className="card">
        <h2>我的注册证书</h2>
        <p className="ap-muted mt-0">
          注册批准后，点击“领证”生成电子证书（含照片、签名和查验二维码），生成后可随时下载。证书信息（如聘用企业名称）变更后，须重新领证。
        </p>
        <Table
          rows={regs}
          rowKey={(r) => r.id}
          columns={[
            { header: "注册项目", cell: (r) => r.programName },
            { header: "专业", cell: (r) => r.specialtyName },
            { header: "注册编号", cell: (r) => r.registrationNo, className: "nowrap" },
            { header: "聘用企业", cell: (r) => r.employerName },
            { header: "有效期至", cell: (r) => r.validTo, className: "nowrap" },
            {
              header: "注册状态",
              cell: (r) => (
                <span className={`pill ${r.status === "active" ? "ok" : "warn"}`}>
                  {REGISTRATION_STATUS_LABELS[r.status]}
                </span>
              ),
            },
            {
              header: "电子证书",
              cell: (r) => (
                <span
                  className={`pill ${usable(r) ? STATE[r.certificateState][1] : ""}`}
                  data-testid="certificate-state"
                >
                  {usable(r) ? STATE[r.certificateState][0] : "—"}
                </span>
              ),
            },
            {
              header: "操作",
              cell: (r) =>
                !usable(r) ? (
                  <span className="ap-muted">不可领取</span>
                ) : r.certificateState === "ready" && r.certificateFileId ? (
                  <a className={buttonClass({ size: "sm" })} href={`/files/${r.certificateFileId}?download=1`}>
                    下载电子证书
                  </a>
                ) : (
                  <ClaimButton
                    registrationId={r.id}
                    label={r.certificateState === "generating" ? "重新领证" : "领证"}
                    claim={claim}
                  />
                ),
            },
          ]}
          empty="您还没有注册证书。注册批准后可在此领取电子证书。"
        />
      </section>
    </>
  );
}
