import { getTranslations } from "next-intl/server";
import { changePasswordAction } from "@/app/_actions/change-password";
import { ChangePasswordForm } from "@/components/account/ChangePasswordForm";
import { PageHead } from "@/components/shell/AppShell";
import { type AccountSystem, changePasswordTexts } from "./texts";

/** 修改登录密码, the same for every role (the applicant's crumb names its menu); each route authorizes first. */
export async function ChangePasswordPage({ system }: { system: AccountSystem }) {
  const [t, sh] = await Promise.all([getTranslations("account"), getTranslations("shell")]);
  return (
    <>
      <PageHead
        title={t("password.title")}
        crumb={system === "applicant" ? t("password.crumbApplicant") : t("password.title")}
      />
      <section className="card narrow">
        <ChangePasswordForm action={changePasswordAction} texts={changePasswordTexts(t, sh)} />
      </section>
    </>
  );
}
