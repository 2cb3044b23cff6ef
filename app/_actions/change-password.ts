"use server";

import { getDb } from "@/db/client";
import type { ActionResult } from "@/lib/action-result";
import { changePasswordSchema, fieldErrorsOf } from "@/lib/schemas/accounts";
import { getCurrentUser, reissueSessionCookie } from "@/lib/server/auth";
import { requestContext } from "@/lib/server/request-context";
import { changePassword } from "@/lib/services/accounts/change-password";

/** 修改登录密码 for every role (each role's password page renders the same form with this action). */
export async function changePasswordAction(input: Record<string, string>): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: "登录已超时，请重新登录后再修改密码。" };
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, error: "填写的信息有误，请按提示修改后重新提交。", fieldErrors: fieldErrorsOf(parsed.error) };
  }
  const { ip } = await requestContext();
  const res = await changePassword(getDb(), {
    accountId: user.id,
    oldPassword: parsed.data.oldPassword,
    newPassword: parsed.data.password,
    ip,
  });
  if (!res.ok) return res;
  await reissueSessionCookie(res.sessionGeneration);
  return { ok: true };
}
