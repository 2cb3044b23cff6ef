"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { accountOpSchema, employerFormSchema, linkPersonSchema, reviewerFormSchema } from "@/lib/schemas/admin";
import { boundFormAction, formAction } from "@/app/_lib/action-pipeline";
import { getSmsProvider } from "@/lib/server/sms";
import { createEmployerAccount } from "@/lib/services/admin/create-employer-account";
import { createReviewerAccount } from "@/lib/services/admin/create-reviewer-account";
import { linkAccountToPerson } from "@/lib/services/admin/link-account-person";
import { resetAccountPassword } from "@/lib/services/admin/reset-account-password";
import { setAccountDisabled } from "@/lib/services/admin/set-account-disabled";
import { unlockAccount } from "@/lib/services/admin/unlock-account";

export const createReviewerAction = formAction("admin", reviewerFormSchema, async (input, { actor }) => {
  const out = await createReviewerAccount(getDb(), actor, input);
  revalidatePath("/admin/users");
  return { message: `已创建审批人员账号 ${input.username}。`, oneTimePassword: out.temporaryPassword };
});

export const createEmployerAction = formAction("admin", employerFormSchema, async (input, { actor }) => {
  const out = await createEmployerAccount(getDb(), actor, input);
  revalidatePath("/admin/users");
  return {
    message: `已创建聘用单位账号（登录账号为统一社会信用代码 ${input.uscc}）。`,
    oneTimePassword: out.temporaryPassword,
  };
});

/** One row's buttons on 用户管理 (bound on the page to the account's id). */
export const accountAction = boundFormAction("admin", accountOpSchema, async ({ id, op }, { actor }) => {
  const db = getDb();
  let result: { message: string; oneTimePassword?: string };
  if (op === "disable" || op === "enable") {
    await setAccountDisabled(db, actor, id, op === "disable");
    result = { message: op === "disable" ? "已停用，该账号的登录已全部失效。" : "已启用。" };
  } else if (op === "unlock") {
    await unlockAccount(db, actor, id);
    result = { message: "已解除登录锁定。" };
  } else {
    const out = await resetAccountPassword(db, getSmsProvider(db), actor, id);
    result =
      out.kind === "code_sent"
        ? { message: `已向 ${out.maskedPhone} 发送找回密码验证码，请告知本人在登录页点击“找回密码”设置新密码。` }
        : { message: "已重置密码。", oneTimePassword: out.temporaryPassword };
  }
  revalidatePath("/admin/users");
  return result;
});

/** 关联人员 of one reviewer or employer account: nobody reviews what they or their own person filed or countersigned. */
export const linkPersonAction = boundFormAction("admin", linkPersonSchema, async ({ id, idNumber }, { actor }) => {
  const out = await linkAccountToPerson(getDb(), actor, { accountId: id, idNumber });
  revalidatePath("/admin/users");
  return { message: out.personName ? `已关联人员：${out.personName}。` : "已取消关联人员。" };
});
