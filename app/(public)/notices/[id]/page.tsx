import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDate } from "@/components/public/dates";
import { fileSizeLabel } from "@/components/public/size";
import { getDb } from "@/db/client";
import { announcementDetail } from "@/lib/queries/public-announcements";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const n = await announcementDetail(getDb(), (await params).id, true);
  return { title: `${n?.title ?? "通知公告"} - 执业注册平台` };
}

export default async function NoticePage({ params }: Props) {
  const { id } = await params;
  const n = await announcementDetail(getDb(), id, true);
  if (!n) notFound();
  return (
    <article className="card">
      <p className="article-meta">
        <Link href="/notices">通知公告</Link> / 正文
      </p>
      <h1>{n.title}</h1>
      <p className="article-meta">
        发布日期：{formatDate(n.publishedAt)}
        {n.updatedAt.getTime() - n.publishedAt.getTime() > 60_000 ? `　更新日期：${formatDate(n.updatedAt)}` : ""}
      </p>
      <div className="article">{n.body}</div>
      {n.attachments.length ? (
        <section className="attachments" aria-labelledby="attachments-title">
          <h2 id="attachments-title">附件</h2>
          <ul>
            {n.attachments.map((a) => (
              <li key={a.fileId}>
                <a href={`/notices/${n.id}/attachments/${a.fileId}`} download>
                  {a.name}
                </a>{" "}
                <span className="help">（{fileSizeLabel(a.byteSize)}）</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
