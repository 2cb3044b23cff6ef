import { PageHead } from "@/components/shell/AppShell";
import { formatDateTime } from "@/components/ui/format";
import { getDb } from "@/db/client";
import { verifyAuditTrail } from "@/lib/queries/audit-verification";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "审计校验 - 系统管理" };

/**
 * 审计校验: recomputes every keyed hash chain — each application's business records and the security/administration
 * stream — and names the first row of each that no longer matches (ASVS V7.3.3). Runs on every visit; a database
 * owner's edit, deletion or re-linking shows up here.
 */
export default async function AuditVerifyPage() {
  await requireRole("admin");
  const result = await verifyAuditTrail(getDb());
  return (
    <>
      <PageHead title="审计校验" crumb="系统管理 / 审计校验" />
      <section className="card">
        <p className="help">
          逐条重新计算每条记录链（使用不存放在数据库中的密钥），核对记录是否被修改、删除或改接。启用密钥前写入的旧记录按旧方法校验，并与启用时封存的摘要核对。
        </p>
        {result.ok ? (
          <div className="alert alert-success" role="status" data-testid="audit-ok">
            校验通过：共 {result.streams.reduce((n, s) => n + s.events, 0)} 条记录，未发现被修改的记录。（用时{" "}
            {result.tookMs} 毫秒，校验时间 {formatDateTime(result.checkedAt)}）
          </div>
        ) : (
          <div className="alert alert-error" role="alert" data-testid="audit-broken">
            <strong>校验未通过：</strong>请保全数据库现状并报告安全负责人。（校验时间 {formatDateTime(result.checkedAt)}
            ）
          </div>
        )}
        <table className="table">
          <thead>
            <tr>
              <th scope="col">记录类别</th>
              <th scope="col">记录数</th>
              <th scope="col">结果</th>
            </tr>
          </thead>
          <tbody>
            {result.streams.map((s) => (
              <tr key={s.stream} data-testid={`audit-stream-${s.stream}`}>
                <td>{s.label}</td>
                <td>
                  {s.events}
                  {s.legacyEvents > 0 ? `（其中 ${s.legacyEvents} 条为启用密钥前的旧记录）` : ""}
                </td>
                <td>
                  {s.broken ? (
                    <>
                      第一条异常记录：
                      {s.broken.eventId != null ? (
                        <>
                          记录编号 <span data-testid="broken-event-id">{s.broken.eventId}</span>
                          {s.brokenRowDescription ? `，${s.brokenRowDescription}` : ""}
                          {s.brokenAt ? `，${formatDateTime(s.brokenAt)}` : ""}：
                        </>
                      ) : null}
                      {s.broken.reason}。{s.brokenChains > 1 ? `共 ${s.brokenChains} 条记录链异常。` : ""}
                    </>
                  ) : (
                    "通过"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
