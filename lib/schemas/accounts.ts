/**
 * Account schemas of the server actions and next-auth authorize(). No browser code imports them (zod would come
 * along): the forms check the same rules by hand (components/auth/checks.ts, docs/decisions/0011).
 * Client-safe: no Node imports. Messages are plain Chinese telling the user what to do.
 */
import { z } from "zod";
import { ID_DOCUMENT_TYPES, type IdDocumentType } from "@/lib/domain/types";
import { idNumberProblem, usccProblem } from "@/lib/domain/id-checksums";
import { passwordRuleProblem } from "@/lib/domain/password-rule";
import { text } from "./common";

// The rule lives in lib/domain so the browser's forms can check it without importing zod (issue 12);
// re-exported for the schema tests.
export { passwordRuleProblem } from "@/lib/domain/password-rule";

const idType = z.enum(ID_DOCUMENT_TYPES, { error: "请选择证件类型。" });
const trimmed = (empty: string) => z.string({ error: empty }).trim().min(1, empty);
// The 人机验证 widget's base64 payload (proof of work); checked by lib/server/captcha.ts.
const captcha = z.string().trim().max(8_000, "人机验证未通过，请重新勾选“我不是机器人”。").optional();

/** `${idType}:${IDNUMBER}` — the applicant's login_name. */
export function applicantLoginName(type: IdDocumentType, idNumber: string): string {
  return `${type}:${idNumber.trim().toUpperCase()}`;
}

function withIdCheck<T extends { idType: IdDocumentType; idNumber: string }>(value: T, ctx: z.RefinementCtx): void {
  const problem = idNumberProblem(value.idType, value.idNumber);
  if (problem) ctx.addIssue({ code: "custom", path: ["idNumber"], message: problem });
}

function withUsccCheck(value: { uscc: string }, ctx: z.RefinementCtx): void {
  const problem = usccProblem(value.uscc);
  if (problem) ctx.addIssue({ code: "custom", path: ["uscc"], message: problem });
}

const idFields = {
  idType,
  idNumber: trimmed("请输入证件号码。")
    .max(32, "证件号码过长，请核对后重新输入。")
    .transform((v) => v.toUpperCase()),
};
const usccField = trimmed("请输入统一社会信用代码。")
  .max(18, "统一社会信用代码应为18位，请核对营业执照后重新输入。")
  .transform((v) => v.toUpperCase());

export const applicantLoginSchema = z
  .object({ ...idFields, password: z.string().min(1, "请输入密码。").max(128), captcha })
  .superRefine(withIdCheck);

export const employerLoginSchema = z
  .object({ uscc: usccField, password: z.string().min(1, "请输入密码。").max(128), captcha })
  .superRefine(withUsccCheck);

export const staffLoginSchema = z.object({
  username: trimmed("请输入用户名。").max(64, "用户名过长，请核对后重新输入。"),
  password: z.string().min(1, "请输入密码。").max(128),
  captcha,
});

/** Step 1 of 获取密码 / 找回密码 for applicants (captcha: the server says when it is required). */
export const applicantCodeRequestSchema = z.object({ ...idFields, captcha }).superRefine(withIdCheck);
/** Step 1 of 找回密码 for employers. */
export const employerCodeRequestSchema = z.object({ uscc: usccField, captcha }).superRefine(withUsccCheck);

const newPasswordFields = {
  password: z.string().superRefine((v, ctx) => {
    const p = passwordRuleProblem(v);
    if (p) ctx.addIssue({ code: "custom", message: p });
  }),
  confirm: z.string().min(1, "请再次输入新密码。"),
};
function confirmMatches(v: { password: string; confirm: string }, ctx: z.RefinementCtx): void {
  if (v.password !== v.confirm) {
    ctx.addIssue({ code: "custom", path: ["confirm"], message: "两次输入的密码不一致，请重新输入。" });
  }
}

const smsCode = z
  .string({ error: "请输入短信验证码。" })
  .trim()
  .regex(/^\d{6}$/, "请输入短信中收到的6位数字验证码。");

/** Step 2 of 获取密码 / 找回密码 (applicant). */
export const applicantSetPasswordSchema = z
  .object({ ...idFields, code: smsCode, ...newPasswordFields })
  .superRefine(withIdCheck)
  .superRefine(confirmMatches);

/** Step 2 of 找回密码 (employer). */
export const employerSetPasswordSchema = z
  .object({ uscc: usccField, code: smsCode, ...newPasswordFields })
  .superRefine(withUsccCheck)
  .superRefine(confirmMatches);

export const changePasswordSchema = z
  .object({ oldPassword: z.string().min(1, "请输入原密码。").max(128), ...newPasswordFields })
  .superRefine(confirmMatches)
  .superRefine((v, ctx) => {
    if (v.oldPassword && v.oldPassword === v.password) {
      ctx.addIssue({ code: "custom", path: ["password"], message: "新密码不能与原密码相同，请换一个。" });
    }
  });

/** 基本信息修改 (N1): fields a person may change directly; the rest goes through 信息变更. */
export const profileEditSchema = z.object({
  phone: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/, "请输入11位中国大陆手机号码，例如 13800000001。"),
  address: text(200, "通讯地址不能超过200个字。"),
});

/** Flattens zod issues to the `{ field: message }` map the forms show next to their inputs. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    out[key] ??= issue.message;
  }
  return out;
}
