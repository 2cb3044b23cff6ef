import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/AppShell";
import type { MenuItem } from "@/components/shell/SideNav";
import { getDb } from "@/db/client";
import { authorityName } from "@/lib/queries/shell";
import { requireRole } from "@/lib/server/auth";
import "@/components/review/review.css";

const MENU: MenuItem[] = [
  { label: "首页", href: "/review" },
  {
    label: "注册审批",
    children: [
      { label: "待受理", href: "/review/pending" },
      { label: "审查中", href: "/review/reviewing" },
      { label: "已办结", href: "/review/done" },
      { label: "公示公告", href: "/review/notices" },
      { label: "异常与申辩", href: "/review/appeals" },
    ],
  },
  {
    label: "人员与单位",
    children: [
      { label: "人员信息审核", href: "/review/personnel" },
      { label: "单位名称变更审核", href: "/review/name-changes" },
    ],
  },
  { label: "统计", href: "/review/stats" },
  { label: "修改登录密码", href: "/review/password" },
];

export default async function ReviewLayout({ children }: { children: ReactNode }) {
  const user = await requireRole("reviewer");
  const unitName = await authorityName(getDb(), user.authorityId!);
  return (
    <AppShell
      system="审批管理系统"
      homeHref="/review"
      loginPath="/login/staff"
      userName={user.name}
      unitName={unitName}
      menu={MENU}
    >
      {children}
    </AppShell>
  );
}
