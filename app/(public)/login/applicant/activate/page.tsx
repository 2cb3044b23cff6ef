import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { authWords } from "@/components/auth/auth-words";
import { PasswordCodeFlow } from "@/components/auth/PasswordCodeFlow";
import { codeRequestCaptcha } from "@/lib/server/login-page";
import { activate, sendActivationCode } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.pages.activate");
  return { title: t("title") };
}

export default async function ActivatePage() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("auth")]);
  return (
    <div className="auth-card">
      <h1>{t("pages.activate.heading")}</h1>
      <p className="subtitle">{t("pages.activate.subtitle")}</p>
      <PasswordCodeFlow
        words={authWords(locale)}
        initialCaptcha={await codeRequestCaptcha()}
        kind="applicant"
        purpose="activate"
        sendCode={sendActivationCode}
        setPassword={activate}
        loginPath="/login/applicant"
      />
      <div className="auth-links">
        <Link href="/login/applicant">{t("links.backToApplicant")}</Link>
        <span className="hint">{t("links.phoneChanged")}</span>
      </div>
    </div>
  );
}
