import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { authWords } from "@/components/auth/auth-words";
import { PasswordCodeFlow } from "@/components/auth/PasswordCodeFlow";
import { codeRequestCaptcha } from "@/lib/server/login-page";
import { resetEmployerWithCode, sendEmployerResetCode } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.pages.employerReset");
  return { title: t("title") };
}

export default async function EmployerResetPage() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("auth")]);
  return (
    <div className="auth-card">
      <h1>{t("pages.employerReset.heading")}</h1>
      <p className="subtitle">{t("pages.employerReset.subtitle")}</p>
      <PasswordCodeFlow
        words={authWords(locale)}
        initialCaptcha={await codeRequestCaptcha()}
        kind="employer"
        purpose="reset"
        sendCode={sendEmployerResetCode}
        setPassword={resetEmployerWithCode}
        loginPath="/login/employer"
      />
      <div className="auth-links">
        <Link href="/login/employer">{t("links.backToEmployer")}</Link>
      </div>
    </div>
  );
}
