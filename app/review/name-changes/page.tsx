import { PageHead } from "@/components/shell/AppShell";
import { NameChangeDecision } from "@/components/review/NameChangeDecision";
import { formatDateTime, orDash } from "@/components/ui/format";
import { getDb } from "@/db/client";
import { nameChangeQueue } from "@/lib/queries/name-changes";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "单位名称变更审核 - 审批管理系统" };

const DONE: Record<string, string> = {
  approved: "已审核通过：单位名称和注册人员证书上的单位名称已同步变更，已通知注册人员重新领证。",
  rejected: "已不予通过，审核意见单位可见。",
};

export default async function NameChangeQueuePage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const user = await requireRole("reviewer");
  const [{ done }, changes] = await Promise.all([searchParams, nameChangeQueue(getDb(), user.authorityId!)]);
  const pending = changes.filter((c) => c.status === "submitted");
  const decided = changes.filter((c) => c.status !== "submitted");
  return (
    <>
      <PageHead title="单位名称变更审核" crumb="单位信息 / 单位名称变更审核" />
      {done && DONE[done] ? (
        <div className="alert alert-success" role="status">
          {DONE[done]}
        </div>
      ) : null}
      <section className="card">
        <h2>待审核（{pending.length}）</h2>
        {pending.length ? (
          pending.map((c) => (
            <div key={c.id} className="card" data-testid="name-change-item">
              <dl className="facts">
                <div>
                  <dt>统一社会信用代码</dt>
                  <dd>{c.uscc}</dd>
                </div>
                <div>
                  <dt>原名称</dt>
                  <dd>{c.oldName}</dd>
                </div>
                <div>
                  <dt>新名称</dt>
                  <dd>{c.newName}</dd>
                </div>
                <div>
                  <dt>提交时间</dt>
                  <dd>{formatDateTime(c.filedAt)}</dd>
                </div>
                <div>
                  <dt>涉及注册证书</dt>
                  <dd>{c.holders} 本</dd>
                </div>
                <div>
                  <dt>名称变更证明</dt>
                  <dd>
                    {c.proofHref ? (
                      <a href={c.proofHref} target="_blank" rel="noreferrer">
                        查看证明
                      </a>
                    ) : (
                      "—"
                    )}
                  </dd>
                </div>
              </dl>
              <NameChangeDecision id={c.id} version={c.version} newName={c.newName} />
            </div>
          ))
        ) : (
          <p className="empty">暂无待审核的单位名称变更。</p>
        )}
      </section>
      <section className="card">
        <h2>已审核</h2>
        {decided.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>原名称</th>
                  <th>新名称</th>
                  <th>审核结果</th>
                  <th>审核意见</th>
                  <th>审核人</th>
                  <th>审核时间</th>
                </tr>
              </thead>
              <tbody>
                {decided.map((c) => (
                  <tr key={c.id}>
                    <td>{c.oldName}</td>
                    <td>{c.newName}</td>
                    <td className="nowrap">{c.statusLabel}</td>
                    <td>{orDash(c.opinion)}</td>
                    <td>{orDash(c.deciderName)}</td>
                    <td className="nowrap">{c.decidedAt ? formatDateTime(c.decidedAt) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">暂无。</p>
        )}
      </section>
    </>
  );
}
