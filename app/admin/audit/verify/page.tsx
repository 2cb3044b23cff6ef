import { PageHead } from "@/components/shell/AppShell";
import { formatDateTime } from "@/components/ui/format";
import { getDb } from "@/db/client";
import { applicationEventWithAcceptanceNo } from "@/lib/queries/admin-audit";
import { requireRole } from "@/lib/server/auth";
import { verifyAuditChain } from "@/lib/services/audit/verify-audit-chain";

export const metadata = { title: "审计校验 - 系统管理" };

/**
 * 审计校验: recomputes every application's keyed hash chain and names the first row that no longer matches
 * (ASVS V7.3.3). Runs on every visit; a database owner's edit, deletion or re-linking shows up here.
 */
export default async function AuditVerifyPage() {
  await requireRole("admin");
  const db = getDb();
  const started = Date.now();
  const verdict = await verifyAuditChain(db);
  const tookMs = Date.now() - started;
  const broken = verdict.ok ? null : await applicationEventWithAcceptanceNo(db, verdict.eventId);
  return (
    <>
      <PageHead title="审计校验" crumb="系统管理 / 审计校验" />
      <section className="card">
        <p className="help">逐条重新计算每件申请的业务记录链（使用不存放在数据库中的密钥），核对记录是否被修改、删除或改接。</p>
        {verdict.ok ? (
          <div className="alert alert-success" role="status" data-testid="audit-ok">
            校验通过：共 {verdict.events} 条业务记录，未发现被修改的记录。（用时 {tookMs} 毫秒，校验时间 {formatDateTime(new Date())}）
          </div>
        ) : (
          <div className="alert alert-error" role="alert" data-testid="audit-broken">
            <strong>校验未通过：</strong>发现第一条异常记录——
            记录编号 <span data-testid="broken-event-id">{verdict.eventId}</span>，
            申请{broken?.acceptanceNo ? `（受理编号 ${broken.acceptanceNo}）` : ""} {verdict.applicationId} 的第 {verdict.seq} 条记录
            {broken ? `（${broken.e.actorName}，${formatDateTime(broken.e.occurredAt)}）` : ""}：{verdict.reason}。
            请保全数据库现状并报告安全负责人。
          </div>
        )}
      </section>
    </>
  );
}
