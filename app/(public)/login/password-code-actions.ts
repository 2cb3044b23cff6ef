import { getDb } from "@/db/client";
import type { ActionResult } from "@/lib/action-result";
import {
  applicantCodeRequestSchema,
  applicantLoginName,
  applicantSetPasswordSchema,
  employerCodeRequestSchema,
  employerSetPasswordSchema,
  fieldErrorsOf,
} from "@/lib/schemas/accounts";
import { activateAccount } from "@/lib/services/accounts/activate-account";
import { resetPassword } from "@/lib/services/accounts/reset-password";
import { sendPasswordCode } from "@/lib/services/accounts/send-password-code";
import { getSmsProvider } from "@/lib/server/sms";
import { requestContext } from "@/lib/server/request-context";

/**
 * Bodies of the 获取密码 / 找回密码 server actions (the `"use server"` files in the route folders are one-liners that
 * call these): parse with the same zod schema as the form, call one service.
 */
type Kind = "applicant" | "employer";
const INVALID = "填写的信息有误，请按提示修改后重新提交。";

function loginNameOf(kind: Kind, data: { idType?: string; idNumber?: string; uscc?: string }): string {
  return kind === "applicant"
    ? applicantLoginName(data.idType as Parameters<typeof applicantLoginName>[0], data.idNumber!)
    : data.uscc!;
}

export async function sendCodeAction(
  kind: Kind,
  purpose: "activate" | "reset_password",
  input: unknown,
): Promise<ActionResult<{ notice: string }>> {
  const parsed = (kind === "applicant" ? applicantCodeRequestSchema : employerCodeRequestSchema).safeParse(input);
  if (!parsed.success) return { ok: false, error: INVALID, fieldErrors: fieldErrorsOf(parsed.error) };
  const ctx = await requestContext();
  const db = getDb();
  return sendPasswordCode(db, getSmsProvider(db), {
    purpose,
    kind,
    loginName: loginNameOf(kind, parsed.data),
    captchaAnswer: parsed.data.captcha,
    ip: ctx.ip,
  });
}

export async function setPasswordAction(
  kind: Kind,
  purpose: "activate" | "reset_password",
  input: unknown,
): Promise<ActionResult> {
  const parsed = (kind === "applicant" ? applicantSetPasswordSchema : employerSetPasswordSchema).safeParse(input);
  if (!parsed.success) return { ok: false, error: INVALID, fieldErrors: fieldErrorsOf(parsed.error) };
  const { ip } = await requestContext();
  const args = { loginName: loginNameOf(kind, parsed.data), code: parsed.data.code, password: parsed.data.password, ip };
  return purpose === "activate" ? activateAccount(getDb(), args) : resetPassword(getDb(), { kind, ...args });
}
