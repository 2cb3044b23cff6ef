import { ChangePasswordForm } from "@/components/account/ChangePasswordForm";
import { PageHead } from "@/components/shell/AppShell";
import { requireRole } from "@/lib/server/auth";
import { changePasswordAction } from "@/app/_actions/change-password";

export const metadata = { title: "修改登录密码 - 个人申报系统" };

export default async function ApplicantPasswordPage() {
  await requireRole("applicant");
  return (
    <>
      <PageHead title="修改登录密码" crumb="信息查询 / 修改登录密码" />
      <section className="card narrow">
        <ChangePasswordForm action={changePasswordAction} />
      </section>
    </>
  );
}
