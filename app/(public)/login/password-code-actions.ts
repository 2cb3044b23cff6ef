import { getDb } from "@/db/client";
import type { ActionResult } from "@/lib/action-result";
import {
  applicantCodeRequestSchema,
  applicantLoginName,
  applicantSetPasswordSchema,
  employerCodeRequestSchema,
  employerSetPasswordSchema,
} from "@/lib/schemas/accounts";
import { action } from "@/app/_lib/action-pipeline";
import { activateAccount } from "@/lib/services/accounts/activate-account";
import { resetPassword } from "@/lib/services/accounts/reset-password";
import { sendPasswordCode } from "@/lib/services/accounts/send-password-code";
import { getSmsProvider } from "@/lib/server/sms";
import { requestLocale } from "@/lib/server/locale";
import { requestContext } from "@/lib/server/request-context";

/**
 * Bodies of the 获取密码 / 找回密码 server actions (the `"use server"` files in the route folders export these):
 * the public pipeline with the same zod schema as the form, then one service. The forms post text fields only,
 * which is what the returned functions declare; the schema decides what is acceptable.
 */
type Kind = "applicant" | "employer";
type Purpose = "activate" | "reset_password";
type Posted = Record<string, string>;

function loginNameOf(kind: Kind, data: { idType?: string; idNumber?: string; uscc?: string }): string {
  return kind === "applicant"
    ? applicantLoginName(data.idType as Parameters<typeof applicantLoginName>[0], data.idNumber!)
    : data.uscc!;
}

export function sendCodeAction(
  kind: Kind,
  purpose: Purpose,
): (input: Posted) => Promise<ActionResult<{ notice: string }>> {
  const schema = kind === "applicant" ? applicantCodeRequestSchema : employerCodeRequestSchema;
  return action(
    "public",
    schema,
    async (data: { idType?: string; idNumber?: string; uscc?: string; captcha?: string }) => {
      const [{ ip }, locale] = await Promise.all([requestContext(), requestLocale()]);
      const db = getDb();
      return sendPasswordCode(db, getSmsProvider(db), {
        purpose,
        kind,
        loginName: loginNameOf(kind, data),
        captchaAnswer: data.captcha,
        ip,
        locale,
      });
    },
  ) as (input: Posted) => Promise<ActionResult<{ notice: string }>>;
}

export function setPasswordAction(kind: Kind, purpose: Purpose): (input: Posted) => Promise<ActionResult> {
  const schema = kind === "applicant" ? applicantSetPasswordSchema : employerSetPasswordSchema;
  return action(
    "public",
    schema,
    async (data: { idType?: string; idNumber?: string; uscc?: string; code: string; password: string }) => {
      const [{ ip }, locale] = await Promise.all([requestContext(), requestLocale()]);
      const args = { loginName: loginNameOf(kind, data), code: data.code, password: data.password, ip, locale };
      return purpose === "activate" ? activateAccount(getDb(), args) : resetPassword(getDb(), { kind, ...args });
    },
  ) as (input: Posted) => Promise<ActionResult>;
}
