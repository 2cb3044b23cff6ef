import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/AppShell";
import type { MenuItem } from "@/components/shell/SideNav";
import { requireRole } from "@/lib/server/auth";
import { smsOutboxEnabled } from "@/lib/server/sms";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireRole("admin");
  const menu: MenuItem[] = [
    { label: "首页", href: "/admin" },
    { label: "用户管理", href: "/admin/users" },
    { label: "机构管理", href: "/admin/authorities" },
    { label: "通知公告", href: "/admin/notices" },
    { label: "常见问题", href: "/admin/faq" },
    ...(smsOutboxEnabled() ? [{ label: "短信发件箱", href: "/admin/sms-outbox" }] : []),
    { label: "审计日志", href: "/admin/audit" },
    { label: "审计校验", href: "/admin/audit/verify" },
    { label: "修改登录密码", href: "/admin/password" },
  ];
  return (
    <AppShell system="系统管理" homeHref="/admin" loginPath="/login/staff" userName={user.name} menu={menu}>
      {children}
    </AppShell>
  );
}
