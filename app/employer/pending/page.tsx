import Link from "next/link";
import { PageHead } from "@/components/shell/AppShell";
import { formatDateTime, orDash } from "@/components/ui/format";
import { EmployerFilters, type EmployerSearch } from "@/components/employer/EmployerFilters";
import { WithdrawalButtons } from "@/components/employer/WithdrawalButtons";
import { KeysetPager, queryHref } from "@/components/review/KeysetPager";
import { getDb } from "@/db/client";
import { employerPendingPage } from "@/lib/queries/employer-queues";
import { parseEmployerFilters } from "@/lib/queries/employer-search";
import { decodeCursor } from "@/lib/queries/queues";
import { normalizeSearch } from "@/lib/queries/review-queues";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "待企业确认 - 企业管理系统" };

const DONE: Record<string, string> = {
  returned: "已退回个人。申请人修改并重新签名后，申请会再次出现在本列表。",
  consented: "已同意撤回，该申请已撤回。",
  declined: "已不同意撤回，该申请继续在审批机构办理。",
};

export default async function EmployerPendingPage({ searchParams }: { searchParams: Promise<EmployerSearch> }) {
  const user = await requireRole("employer");
  const q = normalizeSearch(await searchParams);
  const filters = parseEmployerFilters(q);
  const { rows, nextCursor } = await employerPendingPage(getDb(), user.employerId!, filters, decodeCursor(q.cursor));
  const href = (cursor: string | null) => queryHref("/employer/pending", { ...filters, cursor });
  return (
    <>
      <PageHead title="待企业确认" crumb="人员类办事 / 待企业确认" />
      {q.done && DONE[q.done] ? (
        <div className="alert alert-success" role="status" style={{ marginBottom: 16 }}>
          {q.no ? `受理编号 ${q.no}：` : ""}
          {DONE[q.done]}
        </div>
      ) : null}
      <section className="card">
        <p className="help" style={{ marginTop: 0 }}>
          列表为本单位注册人员已完成个人数字签名、待企业签名的申请，以及申请撤回待单位同意的申请。企业查看个人填报的申请信息，无法修改；如需修改请退回个人。
        </p>
        <EmployerFilters path="/employer/pending" q={q} />
        {rows.length ? (
          <div className="table-wrap">
            <table className="table" data-testid="pending-table">
              <thead>
                <tr>
                  <th>注册类别</th>
                  <th>受理编号</th>
                  <th>姓名</th>
                  <th>申请时间</th>
                  <th>个人签名时间</th>
                  <th>当前状态</th>
                  <th>操作</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td className="category">{r.categoryLabel}</td>
                    <td className="nowrap">{orDash(r.acceptanceNo)}</td>
                    <td className="nowrap">{r.personName}</td>
                    <td className="nowrap">{formatDateTime(r.createdAt)}</td>
                    <td className="nowrap">{formatDateTime(r.applicantSignedAt)}</td>
                    <td>
                      <span className={`pill${r.status === "withdrawal_requested" ? " warn" : ""}`}>{r.statusLabel}</span>
                    </td>
                    <td className="nowrap">
                      {r.status === "signed" ? (
                        <Link className="btn btn-sm" href={`/employer/applications/${r.id}`}>
                          签名确认
                        </Link>
                      ) : (
                        <>
                          <Link href={`/employer/applications/${r.id}`}>查看</Link>
                          <WithdrawalButtons applicationId={r.id} version={r.version} personName={r.personName} />
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">没有待企业确认的申请。{Object.values(filters).some(Boolean) ? "可调整查询条件后重试。" : ""}</p>
        )}
        <KeysetPager shown={rows.length} nextCursor={nextCursor} atFirst={!q.cursor} href={href} />
      </section>
    </>
  );
}
