import { PageHead } from "@/components/shell/AppShell";
import { ClaimButton } from "@/components/applicant/ClaimButton";
import { getDb } from "@/db/client";
import { applicantRegistrations } from "@/lib/queries/applicant-applications";
import { REGISTRATION_STATUS_LABELS } from "@/lib/queries/labels";
import { requireRole } from "@/lib/server/auth";
import { claim } from "./actions";

export const metadata = { title: "领证 - 个人申报系统" };

const STATE = { unclaimed: ["未领证", "warn"], generating: ["生成中", "warn"], ready: ["可下载", "ok"] } as const;

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
        {regs.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>注册项目</th>
                  <th>专业</th>
                  <th>注册编号</th>
                  <th>聘用企业</th>
                  <th>有效期至</th>
                  <th>注册状态</th>
                  <th>电子证书</th>
                  <th>操作</th>
                </tr>
              </thead>
              <tbody>
                {regs.map((r) => {
                  const usable = r.status === "active" || r.status === "suspended";
                  const [label, tone] = STATE[r.certificateState];
                  return (
                    <tr key={r.id}>
                      <td>{r.programName}</td>
                      <td>{r.specialtyName}</td>
                      <td className="nowrap">{r.registrationNo}</td>
                      <td>{r.employerName}</td>
                      <td className="nowrap">{r.validTo}</td>
                      <td>
                        <span className={`pill ${r.status === "active" ? "ok" : "warn"}`}>{REGISTRATION_STATUS_LABELS[r.status]}</span>
                      </td>
                      <td>
                        <span className={`pill ${usable ? tone : ""}`} data-testid="certificate-state">
                          {usable ? label : "—"}
                        </span>
                      </td>
                      <td>
                        {!usable ? (
                          <span className="ap-muted">不可领取</span>
                        ) : r.certificateState === "ready" && r.certificateFileId ? (
                          <a className="btn btn-sm" href={`/files/${r.certificateFileId}?download=1`}>
                            下载电子证书
                          </a>
                        ) : (
                          <ClaimButton registrationId={r.id} label={r.certificateState === "generating" ? "重新领证" : "领证"} claim={claim} />
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">您还没有注册证书。注册批准后可在此领取电子证书。</p>
        )}
      </section>
    </>
  );
}
