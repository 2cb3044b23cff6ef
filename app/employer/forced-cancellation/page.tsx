import Link from "next/link";
import { PageHead } from "@/components/shell/AppShell";
import { formatDateTime, orDash } from "@/components/ui/format";
import { ForcedCancellationForm } from "@/components/employer/ForcedCancellationForm";
import { getDb } from "@/db/client";
import { CANCELLATION_REASONS } from "@/lib/domain/form-specs";
import { forcedCancellationsOf, staffRegistrationsInForce } from "@/lib/queries/employer-staff";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "强制注销申报 - 企业管理系统" };

export default async function EmployerForcedCancellationPage() {
  const user = await requireRole("employer");
  const db = getDb();
  const [staff, filed] = await Promise.all([staffRegistrationsInForce(db, user.employerId!), forcedCancellationsOf(db, user.employerId!)]);
  return (
    <>
      <PageHead title="强制注销申报" crumb="人员类办事 / 强制注销申报" />
      <section className="card">
        <h2>申报强制注销</h2>
        <p className="help" style={{ marginTop: 0 }}>
          本单位已与注册人员解除劳动关系、而该人员不配合办理注销注册的，可凭劳动仲裁机构或法院出具的解除劳动关系的仲裁文件或判决书，为其申报强制注销。强制注销无需申请人签名，由本单位数字签名后直接上报审批机构。
        </p>
        {staff.length ? (
          <ForcedCancellationForm staff={staff} reasons={CANCELLATION_REASONS} employerName={user.name} />
        ) : (
          <p className="empty">本单位暂无在有效期内的注册人员。</p>
        )}
      </section>
      <section className="card">
        <h2>强制注销申请</h2>
        <p className="help" style={{ marginTop: 0 }}>本单位申报的、以及本单位人员本人申报的强制注销。强制注销无需本单位签名确认，本单位仅可查看办理进度。</p>
        {filed.length ? (
          <div className="table-wrap">
            <table className="table" data-testid="forced-table">
              <thead>
                <tr>
                  <th>受理编号</th>
                  <th>姓名</th>
                  <th>申报方</th>
                  <th>申报时间</th>
                  <th>办理状态</th>
                  <th>操作</th>
                </tr>
              </thead>
              <tbody>
                {filed.map((f) => (
                  <tr key={f.id}>
                    <td className="nowrap">{orDash(f.acceptanceNo)}</td>
                    <td className="nowrap">{f.personName}</td>
                    <td>{f.filedBy}</td>
                    <td className="nowrap">{formatDateTime(f.filedAt)}</td>
                    <td>{f.statusLabel}</td>
                    <td>
                      <Link href={`/employer/applications/${f.id}`}>查看</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">暂无强制注销申请。</p>
        )}
      </section>
    </>
  );
}
