import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PROGRAMS } from "@/lib/domain/programs";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("public");
  return { title: t("titleSuffix", { title: t("guide.heading") }) };
}

/** Index of every program × application type the programs offer (the list follows the program data). */
export default async function GuideIndexPage() {
  const [t, tType] = await Promise.all([getTranslations("public.guide"), getTranslations("domain.type")]);
  return (
    <section className="card">
      <h1>{t("heading")}</h1>
      <p className="help">{t("intro")}</p>
      <div className="guide-index">
        {Object.values(PROGRAMS).map((p) => (
          <section key={p.code} aria-labelledby={`guide-${p.code}`}>
            <h2 id={`guide-${p.code}`}>{p.name}</h2>
            <ul>
              {p.applicationTypes.map((type) => (
                <li key={type}>
                  <Link href={`/guide/${p.code}/${type}`}>{tType(type)}</Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
