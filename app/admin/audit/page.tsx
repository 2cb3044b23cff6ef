import { PageHead } from "@/components/shell/AppShell";
import { formatDateTime } from "@/components/ui/format";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Select } from "@/components/ui/Select";
import { Table } from "@/components/ui/Table";
import { PAGE_SIZE, Pagination, pageParam } from "@/components/ui/Pagination";
import { getDb } from "@/db/client";
import { securityEventPage } from "@/lib/queries/admin-audit";
import { describeSecurityDetail, SECURITY_EVENT_LABELS } from "@/lib/queries/labels";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "审计日志 - 系统管理" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ kind?: string; page?: string }> }) {
  await requireRole("admin");
  const sp = await searchParams;
  const page = pageParam(sp.page);
  const kind = sp.kind && sp.kind in SECURITY_EVENT_LABELS ? sp.kind : undefined;
  const { rows, total } = await securityEventPage(getDb(), kind, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return (
    <>
      <PageHead title="审计日志" crumb="系统管理 / 审计日志" />
      <section className="card">
        <form className="toolbar" method="get">
          <Field name="kind" label="事件类型">
            {(c) => (
              <Select
                {...c}
                options={Object.entries(SECURITY_EVENT_LABELS).map(([value, label]) => ({ value, label }))}
                placeholder="全部"
                defaultValue={kind ?? ""}
              />
            )}
          </Field>
          <Button type="submit">查询</Button>
        </form>
        <Table
          rows={rows}
          rowKey={({ e }) => String(e.id)}
          columns={[
            { header: "时间", cell: ({ e }) => formatDateTime(e.createdAt) },
            { header: "事件", cell: ({ e }) => SECURITY_EVENT_LABELS[e.kind] ?? e.kind },
            {
              header: "账号",
              cell: ({ loginName, displayName }) =>
                displayName ? `${displayName}（${loginName?.replace(/^[a-z_]+:/, "")}）` : "—",
            },
            { header: "IP", cell: ({ e }) => e.ip ?? "—" },
            { header: "详情", cell: ({ e }) => describeSecurityDetail(e.detail), className: "pre" },
          ]}
          empty="暂无记录。"
        />
        <Pagination
          page={page}
          total={total}
          href={(p) => `/admin/audit?${new URLSearchParams({ ...(kind ? { kind } : {}), page: String(p) })}`}
        />
      </section>
    </>
  );
}
