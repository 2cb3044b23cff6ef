import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PublicNav } from "@/components/public/PublicNav";
import { LanguageSwitch } from "@/components/shell/LanguageSwitch";
import "@/components/public/public.css";

export default async function PublicLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("public");
  return (
    <>
      <header className="public-header">
        <div className="inner">
          <span className="brand-mark" aria-hidden="true">
            {t("brandMark")}
          </span>
          <Link href="/" className="brand-title">
            {t("site")}
            <span className="brand-sub">{t("siteSub")}</span>
          </Link>
          <LanguageSwitch />
        </div>
      </header>
      <PublicNav
        label={t("nav.label")}
        labels={{
          home: t("nav.home"),
          notices: t("nav.notices"),
          publicity: t("nav.publicity"),
          guide: t("nav.guide"),
          faq: t("nav.faq"),
          contacts: t("nav.contacts"),
          verify: t("nav.verify"),
        }}
      />
      <main className="public-main" id="main">
        {children}
      </main>
      <footer className="public-footer">
        <div className="inner">{t("footer")}</div>
      </footer>
    </>
  );
}
