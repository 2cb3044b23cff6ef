import Link from "next/link";
import { PageHead } from "@/components/shell/AppShell";
import { formatDateTime, orDash } from "@/components/ui/format";
import { EmployerFilters, type EmployerSearch } from "@/components/employer/EmployerFilters";
import { KeysetPager, queryHref } from "@/components/review/KeysetPager";
import { getDb } from "@/db/client";
import { employerConfirmedPage } from "@/lib/queries/employer-queues";
import { parseEmployerFilters } from "@/lib/queries/employer-search";
import { decodeCursor } from "@/lib/queries/queues";
import { normalizeSearch } from "@/lib/queries/review-queues";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "企业已确认查询 - 企业管理系统" };

function pillClass(status: string) {
  if (status === "approved") return "pill ok";
  if (status === "rejected" || status === "withdrawn") return "pill bad";
  if (status === "correction_requested" || status === "withdrawal_requested") return "pill warn";
  return "pill";
}

export default async function EmployerConfirmedPage({ searchParams }: { searchParams: Promise<EmployerSearch> }) {
  const user = await requireRole("employer");
  const q = normalizeSearch(await searchParams);
  const filters = parseEmployerFilters(q);
  const { rows, nextCursor } = await employerConfirmedPage(getDb(), user.employerId!, filters, decodeCursor(q.cursor));
  const href = (cursor: string | null) => queryHref("/employer/confirmed", { ...filters, cursor });
  return (
    <>
      <PageHead title="企业已确认查询" crumb="人员类办事 / 企业已确认查询" />
      <section className="card">
        <p className="help" style={{ marginTop: 0 }}>
          本单位已签名确认的申请及其审批进展。可在线查看已签署完成的注册申请表 PDF 文件，并打印行政审批受理通知书。
        </p>
        <EmployerFilters path="/employer/confirmed" q={q} />
        {rows.length ? (
          <div className="table-wrap">
            <table className="table" data-testid="confirmed-table">
              <thead>
                <tr>
                  <th>注册类别</th>
                  <th>受理编号</th>
                  <th>姓名</th>
                  <th>个人签名时间</th>
                  <th>企业签名时间</th>
                  <th>办理机构</th>
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
                    <td className="nowrap">{formatDateTime(r.applicantSignedAt)}</td>
                    <td className="nowrap">{formatDateTime(r.employerSignedAt)}</td>
                    <td>{orDash(r.authorityName)}</td>
                    <td>
                      <span className={pillClass(r.status)}>{r.statusLabel}</span>
                    </td>
                    <td className="ops">
                      <Link href={`/employer/applications/${r.id}`}>审核进度</Link>
                      {r.formPdfFileId ? (
                        <a href={`/files/${r.formPdfFileId}`} target="_blank" rel="noreferrer">
                          申请表PDF
                        </a>
                      ) : null}
                      {r.submittedAt && r.acceptanceNo ? (
                        <a href={`/employer/applications/${r.id}/notice`} target="_blank" rel="noreferrer">
                          受理通知书
                        </a>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">没有已签名确认的申请。{Object.values(filters).some(Boolean) ? "可调整查询条件后重试。" : ""}</p>
        )}
        <KeysetPager shown={rows.length} nextCursor={nextCursor} atFirst={!q.cursor} href={href} />
      </section>
    </>
  );
}
