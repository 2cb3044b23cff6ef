import { ChangePasswordForm } from "@/components/account/ChangePasswordForm";
import { PageHead } from "@/components/shell/AppShell";
import { requireRole } from "@/lib/server/auth";
import { changePasswordAction } from "@/app/_actions/change-password";

export const metadata = { title: "修改登录密码 - 系统管理" };

export default async function AdminPasswordPage() {
  await requireRole("admin");
  return (
    <>
      <PageHead title="修改登录密码" crumb="修改登录密码" />
      <section className="card narrow">
        <ChangePasswordForm action={changePasswordAction} />
      </section>
    </>
  );
}
