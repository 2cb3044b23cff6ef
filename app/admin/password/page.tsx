import { ChangePasswordPage } from "@/components/account/ChangePasswordPage";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "修改登录密码 - 系统管理" };

export default async function AdminPasswordPage() {
  await requireRole("admin");
  return <ChangePasswordPage />;
}
