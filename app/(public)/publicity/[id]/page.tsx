import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDate } from "@/components/public/dates";
import { getDb } from "@/db/client";
import { publicityDetail } from "@/lib/queries/public-publicity";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [n, t] = await Promise.all([publicityDetail(getDb(), (await params).id), getTranslations("public")]);
  return { title: t("titleSuffix", { title: n?.title ?? t("publicity.heading") }) };
}

export default async function PublicityPage({ params }: Props) {
  const [n, t, locale] = await Promise.all([
    publicityDetail(getDb(), (await params).id),
    getTranslations("public"),
    getLocale(),
  ]);
  if (!n) notFound();
  return (
    <article className="card">
      <p className="article-meta">
        <Link href="/publicity">{t("publicity.heading")}</Link> / {t("publicity.body")}
      </p>
      <h1>{n.title}</h1>
      <p className="article-meta">
        {t("publicity.meta", { authority: n.authorityName, from: formatDate(n.publishedAt), to: n.endsOn ?? "—" })}
      </p>
      {locale === "zh-CN" ? null : <p className="help">{t("publishedInChinese")}</p>}
      {n.body ? (
        <div className="article" lang="zh-CN">
          {n.body}
        </div>
      ) : null}
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t("publicity.caption", { count: n.items.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("publicity.no")}</th>
              <th scope="col">{t("publicity.name")}</th>
              <th scope="col">{t("publicity.idNumber")}</th>
              <th scope="col">{t("publicity.acceptanceNo")}</th>
              <th scope="col">{t("publicity.program")}</th>
              <th scope="col">{t("publicity.type")}</th>
              <th scope="col">{t("publicity.employer")}</th>
              <th scope="col">{t("publicity.outcome")}</th>
            </tr>
          </thead>
          <tbody>
            {n.items.map((i, idx) => (
              <tr key={i.acceptanceNo ?? idx}>
                <td>{idx + 1}</td>
                <td>{i.name}</td>
                <td className="nowrap">{i.idNumber}</td>
                <td className="nowrap">{i.acceptanceNo ?? "—"}</td>
                <td>
                  {i.program}
                  {i.specialty ? `（${i.specialty}）` : ""}
                </td>
                <td>{i.type}</td>
                <td>{i.employerName ?? "—"}</td>
                <td>{i.outcome}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="help">{t("publicity.footnote", { count: n.items.length })}</p>
    </article>
  );
}
