import Link from "next/link";
import { PageHead } from "@/components/shell/AppShell";
import { Card } from "@/components/ui/Card";
import { formatDateTime, orDash } from "@/components/ui/format";
import { Table } from "@/components/ui/Table";
import { employerQueueLeadColumns } from "@/components/employer/queue-columns";
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
      <Card>
        <p className="help mt-0">
          本单位已签名确认的申请及其审批进展。可在线查看已签署完成的注册申请表 PDF 文件，并打印行政审批受理通知书。
        </p>
        <EmployerFilters path="/employer/confirmed" q={q} />
        <Table
          testId="confirmed-table"
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            ...employerQueueLeadColumns<(typeof rows)[number]>(),
            { header: "个人签名时间", cell: (r) => formatDateTime(r.applicantSignedAt), className: "nowrap" },
            { header: "企业签名时间", cell: (r) => formatDateTime(r.employerSignedAt), className: "nowrap" },
            { header: "办理机构", cell: (r) => orDash(r.authorityName) },
            { header: "当前状态", cell: (r) => <span className={pillClass(r.status)}>{r.statusLabel}</span> },
            {
              header: "操作",
              className: "ops",
              cell: (r) => (
                <>
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
                </>
              ),
            },
          ]}
          empty={`没有已签名确认的申请。${Object.values(filters).some(Boolean) ? "可调整查询条件后重试。" : ""}`}
        />
        <KeysetPager shown={rows.length} nextCursor={nextCursor} atFirst={!q.cursor} href={href} />
      </Card>
    </>
  );
}
