import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { authWords } from "@/components/auth/auth-words";
import { LoginForm } from "@/components/auth/LoginForm";
import { ReasonNotice } from "@/components/auth/ReasonNotice";
import { homePathFor } from "@/lib/auth-paths";
import { getCurrentUser } from "@/lib/server/auth";
import { ipNeedsCaptcha } from "@/lib/server/login-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.pages.staff");
  return { title: t("title") };
}

export default async function StaffLoginPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const [{ reason }, user, locale, t] = await Promise.all([
    searchParams,
    getCurrentUser(),
    getLocale(),
    getTranslations("auth"),
  ]);
  if (user?.role === "reviewer" || user?.role === "admin") redirect(homePathFor(user.role));
  return (
    <div className="auth-card">
      <h1>{t("pages.staff.heading")}</h1>
      <p className="subtitle">{t("pages.staff.subtitle")}</p>
      <ReasonNotice reason={reason} />
      <LoginForm kind="staff" initialCaptcha={await ipNeedsCaptcha()} words={authWords(locale)} />
      <div className="auth-links">
        <span className="hint">{t("links.staffForgot")}</span>
        <Link href="/">{t("links.backHome")}</Link>
      </div>
    </div>
  );
}
