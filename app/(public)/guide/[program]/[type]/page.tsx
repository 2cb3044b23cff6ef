import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { isApplicationType } from "@/lib/domain/application-types";
import { buildGuide } from "@/lib/domain/guide";
import { findProgram } from "@/lib/domain/programs";

type Props = { params: Promise<{ program: string; type: string }> };

async function guideOf(params: Props["params"]) {
  const { program, type } = await params;
  const p = findProgram(program);
  return p && isApplicationType(type) ? buildGuide(p, type) : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [g, t] = await Promise.all([guideOf(params), getTranslations("public")]);
  return { title: t("titleSuffix", { title: g ? t("guide.titleOf", { title: g.title }) : t("guide.heading") }) };
}

export default async function GuidePage({ params }: Props) {
  const [g, t, locale] = await Promise.all([guideOf(params), getTranslations("public"), getLocale()]);
  if (!g) notFound();
  return (
    <article className="card guide">
      <p className="article-meta">
        <Link href="/guide">{t("guide.heading")}</Link> / {g.title}
      </p>
      <h1>{t("guide.titleOf", { title: g.title })}</h1>
      {locale === "zh-CN" ? null : <p className="help">{t("publishedInChinese")}</p>}
      <dl lang="zh-CN">
        {g.sections.map((s) => (
          <div key={s.heading}>
            <dt>{s.heading}</dt>
            <dd>
              <ul>
                {s.items.map((i) => (
                  <li key={i}>{i}</li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
      <p className="form-actions">
        <Link className="btn" href="/login/applicant">
          {t("guide.apply")}
        </Link>
      </p>
    </article>
  );
}
