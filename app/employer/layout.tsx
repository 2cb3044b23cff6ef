import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/AppShell";
import type { MenuItem } from "@/components/shell/SideNav";
import { requireRole } from "@/lib/server/auth";
import "@/components/review/review.css";

const MENU: MenuItem[] = [
  { label: "单位信息", href: "/employer" },
  { label: "单位名称变更", href: "/employer/name-change" },
  {
    label: "人员类办事",
    children: [
      { label: "待企业确认", href: "/employer/pending" },
      { label: "企业已确认查询", href: "/employer/confirmed" },
      { label: "强制注销申报", href: "/employer/forced-cancellation" },
      { label: "人员管理", href: "/employer/personnel" },
    ],
  },
  { label: "修改登录密码", href: "/employer/password" },
];

export default async function EmployerLayout({ children }: { children: ReactNode }) {
  const user = await requireRole("employer");
  return (
    <AppShell
      system="企业管理系统"
      homeHref="/employer"
      loginPath="/login/employer"
      userName={user.name}
      unitName="聘用单位"
      menu={MENU}
    >
      {children}
    </AppShell>
  );
}
