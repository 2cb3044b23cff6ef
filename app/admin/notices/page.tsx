import Link from "next/link";
import { formatDate } from "@/components/public/dates";
import { PageHead } from "@/components/shell/AppShell";
import { Pagination, pageParam } from "@/components/ui/Pagination";
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
        <Link className="btn" href="/admin/notices/new">
          发布通知公告
        </Link>
      </PageHead>
      <section className="card">
        {rows.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">标题</th>
                  <th scope="col">状态</th>
                  <th scope="col">发布日期</th>
                  <th scope="col">最后修改</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link href={`/admin/notices/${r.id}`} style={{ textDecoration: "underline" }}>
                        {r.title}
                      </Link>
                    </td>
                    <td>{r.status === "published" ? "已发布" : "已撤回"}</td>
                    <td className="nowrap">{formatDate(r.publishedAt)}</td>
                    <td className="nowrap">{formatDate(r.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="help">还没有通知公告。</p>
        )}
        <Pagination page={page} total={total} pageSize={PAGE_SIZE} href={(p) => `/admin/notices?page=${p}`} />
      </section>
    </>
  );
}
