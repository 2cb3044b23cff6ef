"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import type { AdminFormState } from "@/components/admin/admin-form-state";
import { employerFormSchema, reviewerFormSchema } from "@/lib/schemas/admin";
import { getSmsProvider } from "@/lib/server/sms";
import { createEmployerAccount } from "@/lib/services/admin/create-employer-account";
import { createReviewerAccount } from "@/lib/services/admin/create-reviewer-account";
import { linkAccountToPerson } from "@/lib/services/admin/link-account-person";
import { resetAccountPassword } from "@/lib/services/admin/reset-account-password";
import { setAccountDisabled } from "@/lib/services/admin/set-account-disabled";
import { unlockAccount } from "@/lib/services/admin/unlock-account";
import { adminAct, parseForm } from "../_lib/admin-act";

export async function createReviewerAction(_: AdminFormState, fd: FormData): Promise<AdminFormState> {
  const parsed = parseForm(reviewerFormSchema, fd);
  if ("state" in parsed) return parsed.state;
  return adminAct(async (actor) => {
    const out = await createReviewerAccount(getDb(), actor, parsed.data);
    revalidatePath("/admin/users");
    return { ok: true, message: `已创建审批人员账号 ${parsed.data.username}。`, oneTimePassword: out.temporaryPassword };
  });
}

export async function createEmployerAction(_: AdminFormState, fd: FormData): Promise<AdminFormState> {
  const parsed = parseForm(employerFormSchema, fd);
  if ("state" in parsed) return parsed.state;
  return adminAct(async (actor) => {
    const out = await createEmployerAccount(getDb(), actor, parsed.data);
    revalidatePath("/admin/users");
    return { ok: true, message: `已创建聘用单位账号（登录账号为统一社会信用代码 ${parsed.data.uscc}）。`, oneTimePassword: out.temporaryPassword };
  });
}

/** One row's buttons on 用户管理: 停用, 启用, 解除锁定, 重置密码 (the clicked button's value says which). */
export async function accountAction(accountId: string, _: AdminFormState, fd: FormData): Promise<AdminFormState> {
  return adminAct(async (actor) => {
    // Read inside: only an administrator's call gets as far as its form (ASVS V4.1.1).
    const op = fd instanceof FormData ? fd.get("op") : null;
    const db = getDb();
    let result: AdminFormState;
    if (op === "disable" || op === "enable") {
      await setAccountDisabled(db, actor, String(accountId), op === "disable");
      result = { ok: true, message: op === "disable" ? "已停用，该账号的登录已全部失效。" : "已启用。" };
    } else if (op === "unlock") {
      await unlockAccount(db, actor, String(accountId));
      result = { ok: true, message: "已解除登录锁定。" };
    } else if (op === "reset") {
      const out = await resetAccountPassword(db, getSmsProvider(db), actor, String(accountId));
      result =
        out.kind === "code_sent"
          ? { ok: true, message: `已向 ${out.maskedPhone} 发送找回密码验证码，请告知本人在登录页点击“找回密码”设置新密码。` }
          : { ok: true, message: "已重置密码。", oneTimePassword: out.temporaryPassword };
    } else {
      return { error: "请选择要执行的操作。" };
    }
    revalidatePath("/admin/users");
    return result;
  });
}

/** 关联人员 of one reviewer or employer account (segregation of duties, issue 9 item 9). */
export async function linkPersonAction(accountId: string, _: AdminFormState, fd: FormData): Promise<AdminFormState> {
  const idNumber = typeof fd.get("idNumber") === "string" ? String(fd.get("idNumber")).slice(0, 40) : "";
  return adminAct(async (actor) => {
    const out = await linkAccountToPerson(getDb(), actor, { accountId: String(accountId), idNumber });
    revalidatePath("/admin/users");
    return { ok: true, message: out.personName ? `已关联人员：${out.personName}。` : "已取消关联人员。" };
  });
}
