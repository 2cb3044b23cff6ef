import { ChangePasswordPage } from "@/components/account/ChangePasswordPage";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "修改登录密码 - 审批管理系统" };

export default async function ReviewPasswordPage() {
  await requireRole("reviewer");
  return <ChangePasswordPage />;
}
