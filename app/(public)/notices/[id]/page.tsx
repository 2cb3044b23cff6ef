import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDate } from "@/components/public/dates";
import { fileSizeLabel } from "@/components/public/size";
import { getDb } from "@/db/client";
import { announcementDetail } from "@/lib/queries/public-announcements";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [n, t] = await Promise.all([announcementDetail(getDb(), (await params).id, true), getTranslations("public")]);
  return { title: t("titleSuffix", { title: n?.title ?? t("notices.heading") }) };
}

export default async function NoticePage({ params }: Props) {
  const { id } = await params;
  const [n, t, locale] = await Promise.all([
    announcementDetail(getDb(), id, true),
    getTranslations("public"),
    getLocale(),
  ]);
  if (!n) notFound();
  return (
    <article className="card">
      <p className="article-meta">
        <Link href="/notices">{t("notices.heading")}</Link> / {t("notices.body")}
      </p>
      <h1>{n.title}</h1>
      <p className="article-meta">
        {t("notices.publishedOn", { date: formatDate(n.publishedAt) })}
        {n.updatedAt.getTime() - n.publishedAt.getTime() > 60_000
          ? t("notices.updatedOn", { date: formatDate(n.updatedAt) })
          : ""}
      </p>
      {locale === "zh-CN" ? null : <p className="help">{t("publishedInChinese")}</p>}
      <div className="article" lang="zh-CN">
        {n.body}
      </div>
      {n.attachments.length ? (
        <section className="attachments" aria-labelledby="attachments-title">
          <h2 id="attachments-title">{t("notices.attachments")}</h2>
          <ul>
            {n.attachments.map((a) => (
              <li key={a.fileId}>
                <a href={`/notices/${n.id}/attachments/${a.fileId}`} download>
                  {a.name}
                </a>{" "}
                <span className="help">{t("notices.size", { size: fileSizeLabel(a.byteSize) })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
