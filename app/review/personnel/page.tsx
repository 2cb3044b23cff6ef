import Link from "next/link";
import { PageHead } from "@/components/shell/AppShell";
import { formatDateTime, orDash } from "@/components/ui/format";
import { getDb } from "@/db/client";
import { personnelReviewQueue, type PersonnelRow } from "@/lib/queries/personnel";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "人员信息审核 - 审批管理系统" };

const DONE: Record<string, string> = { approved: "已审核通过。", returned: "已退回单位，审核意见单位可见。" };

function Table({ rows, testId }: { rows: PersonnelRow[]; testId: string }) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th>姓名</th>
            <th>证件号码</th>
            <th>所在单位</th>
            <th>技术职称</th>
            <th>上报时间</th>
            <th>状态</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="nowrap">{r.name}</td>
              <td className="nowrap">{r.idNumber}</td>
              <td>{r.employerName}</td>
              <td>{orDash(r.title)}</td>
              <td className="nowrap">{r.submittedAt ? formatDateTime(r.submittedAt) : "—"}</td>
              <td className="nowrap">{r.statusLabel}</td>
              <td>
                <Link href={`/review/personnel/${r.id}`}>{r.status === "submitted" ? "审核" : "查看"}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function PersonnelReviewQueuePage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const user = await requireRole("reviewer");
  const db = getDb();
  const [{ done }, pending, decided] = await Promise.all([
    searchParams,
    personnelReviewQueue(db, user.authorityId!),
    personnelReviewQueue(db, user.authorityId!, ["approved", "returned"], 50),
  ]);
  return (
    <>
      <PageHead title="人员信息审核" crumb="人员信息 / 人员信息审核" />
      {done && DONE[done] ? (
        <div className="alert alert-success" role="status">
          {DONE[done]}
        </div>
      ) : null}
      <section className="card">
        <h2>待审核（{pending.length}）</h2>
        {pending.length ? (
          <Table rows={pending} testId="personnel-queue" />
        ) : (
          <p className="empty">暂无待审核的人员信息。</p>
        )}
      </section>
      <section className="card">
        <h2>最近审核</h2>
        {decided.length ? <Table rows={decided} testId="personnel-decided" /> : <p className="empty">暂无。</p>}
      </section>
    </>
  );
}
