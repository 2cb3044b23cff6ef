import { ChangePasswordPage } from "@/components/account/ChangePasswordPage";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "修改登录密码 - 个人申报系统" };

export default async function ApplicantPasswordPage() {
  await requireRole("applicant");
  return <ChangePasswordPage crumb="信息查询 / 修改登录密码" />;
}
