import { changePasswordAction } from "@/app/_actions/change-password";
import { ChangePasswordForm } from "@/components/account/ChangePasswordForm";
import { PageHead } from "@/components/shell/AppShell";

/** 修改登录密码, the same for every role; each role's route authorizes before rendering it. */
export function ChangePasswordPage({ crumb = "修改登录密码" }: { crumb?: string }) {
  return (
    <>
      <PageHead title="修改登录密码" crumb={crumb} />
      <section className="card narrow">
        <ChangePasswordForm action={changePasswordAction} />
      </section>
    </>
  );
}
