import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/AppShell";
import type { MenuItem } from "@/components/shell/SideNav";
import { getDb } from "@/db/client";
import { applicantShell } from "@/lib/queries/shell";
import { requireRole } from "@/lib/server/auth";
import "@/components/applicant/applicant.css";

export default async function ApplicantLayout({ children }: { children: ReactNode }) {
  const user = await requireRole("applicant");
  const shell = await applicantShell(getDb(), user.personId!, user.id);
  const menu: MenuItem[] = [
    { label: "首页", href: "/applicant" },
    {
      label: "信息查询",
      children: [
        { label: "基本信息查看", href: "/applicant/profile" },
        { label: "基本信息修改", href: "/applicant/profile/edit" },
        { label: "修改登录密码", href: "/applicant/password" },
      ],
    },
    {
      label: "各类业务申报",
      children: [
        { label: "新增注册申请", href: "/applicant/apply" },
        { label: "工作经历", href: "/applicant/records/work" },
        { label: "工作业绩", href: "/applicant/records/achievements" },
        { label: "继续教育", href: "/applicant/records/education" },
      ],
    },
    { label: "上报业务查询", href: "/applicant/applications" },
    { label: "领证", href: "/applicant/certificates" },
    { label: "我的申辩", href: "/applicant/appeals" },
    { label: "我的消息", href: "/applicant/messages", badge: shell.unreadMessages },
  ];
  return (
    <AppShell
      system="个人申报系统"
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
