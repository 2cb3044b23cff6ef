import Link from "next/link";
import { formatDate } from "@/components/public/dates";
import { PageHead } from "@/components/shell/AppShell";
import { ButtonLink } from "@/components/ui/Button";
import { Pagination, pageParam } from "@/components/ui/Pagination";
import { Table } from "@/components/ui/Table";
import { getDb } from "@/db/client";
import { announcementPage } from "@/lib/queries/public-announcements";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "通知公告 - 系统管理" };
const PAGE_SIZE = 20;

export default async function AdminNoticesPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requireRole("admin");
  const page = pageParam((await searchParams).page);
  const { rows, total } = await announcementPage(getDb(), { page, pageSize: PAGE_SIZE, includeWithdrawn: true });
  return (
    <>
      <PageHead title="通知公告" crumb="系统管理 / 网站内容">
        <ButtonLink href="/admin/notices/new">发布通知公告</ButtonLink>
      </PageHead>
      <section className="card">
        <Table
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            { header: "标题", cell: (r) => <Link href={`/admin/notices/${r.id}`}>{r.title}</Link> },
            { header: "状态", cell: (r) => (r.status === "published" ? "已发布" : "已撤回") },
            { header: "发布日期", cell: (r) => formatDate(r.publishedAt), className: "nowrap" },
            { header: "最后修改", cell: (r) => formatDate(r.updatedAt), className: "nowrap" },
          ]}
          empty="还没有通知公告。"
        />
        <Pagination page={page} total={total} pageSize={PAGE_SIZE} href={(p) => `/admin/notices?page=${p}`} />
      </section>
    </>
  );
}
