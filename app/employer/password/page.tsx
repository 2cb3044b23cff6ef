import { ChangePasswordPage } from "@/components/account/ChangePasswordPage";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "修改登录密码 - 企业管理系统" };

export default async function EmployerPasswordPage() {
  await requireRole("employer");
  return <ChangePasswordPage />;
}
