import Link from "next/link";
import { PageHead } from "@/components/shell/AppShell";
import { Card } from "@/components/ui/Card";
import { formatDateTime } from "@/components/ui/format";
import { Alert } from "@/components/ui/Alert";
import { ButtonLink } from "@/components/ui/Button";
import { Table } from "@/components/ui/Table";
import { employerQueueLeadColumns } from "@/components/employer/queue-columns";
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
        <Alert tone="success" className="mb-4">
          {q.no ? `受理编号 ${q.no}：` : ""}
          {DONE[q.done]}
        </Alert>
      ) : null}
      <Card>
        <p className="help mt-0">
          列表为本单位注册人员已完成个人数字签名、待企业签名的申请，以及申请撤回待单位同意的申请。企业查看个人填报的申请信息，无法修改；如需修改请退回个人。
        </p>
        <EmployerFilters path="/employer/pending" q={q} />
        <Table
          testId="pending-table"
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            ...employerQueueLeadColumns<(typeof rows)[number]>(),
            { header: "申请时间", cell: (r) => formatDateTime(r.createdAt), className: "nowrap" },
            { header: "个人签名时间", cell: (r) => formatDateTime(r.applicantSignedAt), className: "nowrap" },
            {
              header: "当前状态",
              cell: (r) => (
                <span className={`pill${r.status === "withdrawal_requested" ? " warn" : ""}`}>{r.statusLabel}</span>
              ),
            },
            {
              header: "操作",
              className: "nowrap",
              cell: (r) =>
                r.status === "signed" ? (
                  <ButtonLink size="sm" href={`/employer/applications/${r.id}`}>
                    签名确认
                  </ButtonLink>
                ) : (
                  <>
                    <Link href={`/employer/applications/${r.id}`}>查看</Link>
                    <WithdrawalButtons applicationId={r.id} version={r.version} personName={r.personName} />
                  </>
                ),
            },
          ]}
          empty={`没有待企业确认的申请。${Object.values(filters).some(Boolean) ? "可调整查询条件后重试。" : ""}`}
        />
        <KeysetPager shown={rows.length} nextCursor={nextCursor} atFirst={!q.cursor} href={href} />
      </Card>
    </>
  );
}
