import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { authWords } from "@/components/auth/auth-words";
import { LoginForm } from "@/components/auth/LoginForm";
import { ReasonNotice } from "@/components/auth/ReasonNotice";
import { getCurrentUser } from "@/lib/server/auth";
import { ipNeedsCaptcha } from "@/lib/server/login-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.pages.employer");
  return { title: t("title") };
}

export default async function EmployerLoginPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const [{ reason }, user, locale, t] = await Promise.all([
    searchParams,
    getCurrentUser(),
    getLocale(),
    getTranslations("auth"),
  ]);
  if (user?.role === "employer") redirect("/employer");
  return (
    <div className="auth-card">
      <h1>{t("pages.employer.heading")}</h1>
      <p className="subtitle">{t("pages.employer.subtitle")}</p>
      <ReasonNotice reason={reason} />
      <LoginForm kind="employer" initialCaptcha={await ipNeedsCaptcha()} words={authWords(locale)} />
      <div className="auth-links">
        <span>
          <span className="hint">{t("links.forgotPassword")}</span>
          <Link href="/login/employer/reset">{t("links.findPassword")}</Link>
        </span>
        <Link href="/">{t("links.backHome")}</Link>
      </div>
    </div>
  );
}
