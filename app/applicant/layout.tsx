import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/AppShell";
import type { MenuItem } from "@/components/shell/SideNav";
import { getDb } from "@/db/client";
import { applicantShell } from "@/lib/queries/shell";
import { requireRole } from "@/lib/server/auth";
import "@/components/applicant/applicant.css";

export default async function ApplicantLayout({ children }: { children: ReactNode }) {
  const user = await requireRole("applicant");
  const [shell, t] = await Promise.all([
    applicantShell(getDb(), user.personId!, user.id),
    getTranslations("applicant"),
  ]);
  const menu: MenuItem[] = [
    { label: t("menu.home"), href: "/applicant" },
    {
      label: t("menu.infoGroup"),
      children: [
        { label: t("menu.profile"), href: "/applicant/profile" },
        { label: t("menu.profileEdit"), href: "/applicant/profile/edit" },
        { label: t("menu.password"), href: "/applicant/password" },
      ],
    },
    {
      label: t("menu.filingGroup"),
      children: [
        { label: t("menu.apply"), href: "/applicant/apply" },
        { label: t("menu.work"), href: "/applicant/records/work" },
        { label: t("menu.achievements"), href: "/applicant/records/achievements" },
        { label: t("menu.education"), href: "/applicant/records/education" },
      ],
    },
    { label: t("menu.applications"), href: "/applicant/applications" },
    { label: t("menu.certificates"), href: "/applicant/certificates" },
    { label: t("menu.appeals"), href: "/applicant/appeals" },
    { label: t("menu.messages"), href: "/applicant/messages", badge: shell.unreadMessages },
  ];
  return (
    <AppShell
      system={t("system")}
      homeHref="/applicant"
      loginPath="/login/applicant"
      userName={user.name}
      unitName={shell.employerName}
      menu={menu}
    >
      {children}
    </AppShell>
  );
}
