import type { Metadata } from "next";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { faqByCategory } from "@/lib/queries/public-info";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("public");
  return { title: t("titleSuffix", { title: t("faq.heading") }) };
}

export default async function FaqPage() {
  await connection();
  const [groups, t, locale] = await Promise.all([faqByCategory(getDb()), getTranslations("public"), getLocale()]);
  return (
    <section className="card faq">
      <h1>{t("faq.heading")}</h1>
      {locale === "zh-CN" || !groups.length ? null : <p className="help">{t("publishedInChinese")}</p>}
      {groups.length ? (
        groups.map((g) => (
          <section key={g.category} aria-labelledby={`faq-${g.category}`} lang="zh-CN">
            <h2 id={`faq-${g.category}`}>{g.category}</h2>
            {g.entries.map((e) => (
              <details key={e.id}>
                <summary>{e.question}</summary>
                <div className="answer">{e.answer}</div>
              </details>
            ))}
          </section>
        ))
      ) : (
        <p className="help">{t("faq.none")}</p>
      )}
    </section>
  );
}
