import Link from "next/link";
import { notFound } from "next/navigation";
import { withdrawAnnouncementAction } from "@/app/admin/site-actions";
import { AnnouncementForm } from "@/components/admin/AnnouncementForm";
import { ConfirmActionButton } from "@/components/admin/ConfirmActionButton";
import { formatDate } from "@/components/public/dates";
import { fileSizeLabel } from "@/components/public/size";
import { PageHead } from "@/components/shell/AppShell";
import { getDb } from "@/db/client";
import { announcementDetail } from "@/lib/queries/public-announcements";
import { requireRole } from "@/lib/server/auth";
import "@/components/review/review.css";

export const metadata = { title: "修改通知公告 - 系统管理" };

const DONE = {
  published: "通知公告已发布，公众现在可以在网站上看到。",
  saved: "修改已保存，网站上显示的是修改后的内容。",
  withdrawn: "通知公告已撤回，公众不再能看到它和它的附件。",
} as const;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> };

export default async function EditNoticePage({ params, searchParams }: Props) {
  await requireRole("admin");
  const [{ id }, { done }] = await Promise.all([params, searchParams]);
  const n = await announcementDetail(getDb(), id, false);
  if (!n) notFound();
  const message = done && done in DONE ? DONE[done as keyof typeof DONE] : null;
  return (
    <>
      <PageHead title={n.status === "published" ? "修改通知公告" : "通知公告（已撤回）"} crumb="系统管理 / 通知公告">
        {n.status === "published" ? (
          <Link className="btn btn-secondary" href={`/notices/${n.id}`}>
            在网站上查看
          </Link>
        ) : null}
      </PageHead>
      {message ? (
        <div className="alert alert-success" role="status">
          {message}
        </div>
      ) : null}
      <section className="card">
        <p className="help">
          发布日期：{formatDate(n.publishedAt)}　最后修改：{formatDate(n.updatedAt)}
          {n.withdrawnAt ? `　撤回日期：${formatDate(n.withdrawnAt)}` : ""}
        </p>
        {n.status === "published" ? (
          <AnnouncementForm
            existing={{
              id: n.id,
              version: n.version,
              title: n.title,
              body: n.body,
              attachments: n.attachments.map((a) => ({
                fileId: a.fileId,
                name: a.name,
                size: fileSizeLabel(a.byteSize),
              })),
            }}
          />
        ) : (
          <>
            <h2>{n.title}</h2>
            <div className="article">{n.body}</div>
          </>
        )}
      </section>
      {n.status === "published" ? (
        <section className="card" aria-labelledby="withdraw-title">
          <h2 id="withdraw-title">撤回</h2>
          <p className="help">撤回后公众不能再查看这条通知公告及其附件；撤回不可恢复，如需再次公布请重新发布。</p>
          <ConfirmActionButton
            action={withdrawAnnouncementAction}
            fields={{ id: n.id, version: n.version }}
            label="撤回通知公告"
            confirm="确定撤回这条通知公告吗？"
            danger
          />
        </section>
      ) : null}
    </>
  );
}
