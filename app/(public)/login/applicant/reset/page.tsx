import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { authWords } from "@/components/auth/auth-words";
import { PasswordCodeFlow } from "@/components/auth/PasswordCodeFlow";
import { codeRequestCaptcha } from "@/lib/server/login-page";
import { resetWithCode, sendResetCode } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.pages.reset");
  return { title: t("title") };
}

export default async function ApplicantResetPage() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("auth")]);
  return (
    <div className="auth-card">
      <h1>{t("pages.reset.heading")}</h1>
      <p className="subtitle">{t("pages.reset.subtitle")}</p>
      <PasswordCodeFlow
        words={authWords(locale)}
        initialCaptcha={await codeRequestCaptcha()}
        kind="applicant"
        purpose="reset"
        sendCode={sendResetCode}
        setPassword={resetWithCode}
        loginPath="/login/applicant"
      />
      <div className="auth-links">
        <Link href="/login/applicant">{t("links.backToApplicant")}</Link>
        <span className="hint">{t("links.phoneChanged")}</span>
      </div>
    </div>
  );
}
