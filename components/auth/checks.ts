/**
 * The browser's own checks for the login and password pages, hand-written so those pages ship no zod (issue 12,
 * item 4; zod + react-hook-form were ≈55 KB gzipped there). They only give instant feedback with the same words as
 * lib/schemas/accounts.ts; the server still parses every submission with those schemas and its answer is shown as
 * well. tests/unit/auth/client-checks.test.ts keeps the two in step.
 */
import { idNumberProblem, usccProblem } from "@/lib/domain/id-checksums";
import { HOSTILE_TEXT_MESSAGE, isCleanText } from "@/lib/domain/clean-text";
import { passwordRuleProblem } from "@/lib/domain/password-rule";
import { ID_DOCUMENT_TYPES, type IdDocumentType } from "@/lib/domain/types";

export type Problems = Record<string, string>;
type Values = Record<string, string | undefined>;
export type IdentityKind = "applicant" | "employer" | "staff";

function put(out: Problems, field: string, problem: string | null): void {
  if (problem && !out[field]) out[field] = problem;
}

function textProblem(value: string | undefined, empty: string, max: number, tooLong: string): string | null {
  const v = (value ?? "").trim();
  return v === "" ? empty : v.length > max ? tooLong : null;
}

/** The account identity: 证件类型 + 证件号码, 统一社会信用代码, or 用户名. */
export function identityProblems(kind: IdentityKind, v: Values): Problems {
  const out: Problems = {};
  if (kind === "applicant") {
    const idType = v.idType as IdDocumentType;
    if (!ID_DOCUMENT_TYPES.includes(idType)) put(out, "idType", "请选择证件类型。");
    put(out, "idNumber", textProblem(v.idNumber, "请输入证件号码。", 32, "证件号码过长，请核对后重新输入。"));
    if (!out.idType && !out.idNumber) put(out, "idNumber", idNumberProblem(idType, (v.idNumber ?? "").trim().toUpperCase()));
  } else if (kind === "employer") {
    put(out, "uscc", textProblem(v.uscc, "请输入统一社会信用代码。", 18, "统一社会信用代码应为18位，请核对营业执照后重新输入。"));
    if (!out.uscc) put(out, "uscc", usccProblem((v.uscc ?? "").trim().toUpperCase()));
  } else {
    put(out, "username", textProblem(v.username, "请输入用户名。", 64, "用户名过长，请核对后重新输入。"));
  }
  return out;
}

export function loginProblems(kind: IdentityKind, v: Values): Problems {
  const out = identityProblems(kind, v);
  const password = v.password ?? "";
  put(out, "password", password === "" ? "请输入密码。" : password.length > 128 ? "密码过长，请核对后重新输入。" : null);
  return out;
}

/** Step 2 of 获取密码 / 找回密码: SMS code, new password twice. */
export function setPasswordProblems(kind: "applicant" | "employer", v: Values): Problems {
  const out = identityProblems(kind, v);
  put(out, "code", /^\d{6}$/.test((v.code ?? "").trim()) ? null : "请输入短信中收到的6位数字验证码。");
  newPasswordProblems(out, v);
  return out;
}

/** 新密码 + 确认新密码. The schema compares the two even when 新密码 breaks the rule, so this does too. */
function newPasswordProblems(out: Problems, v: Values): void {
  put(out, "password", passwordRuleProblem(v.password ?? ""));
  put(out, "confirm", v.confirm ? null : "请再次输入新密码。");
  if ((v.password ?? "") !== v.confirm) put(out, "confirm", "两次输入的密码不一致，请重新输入。");
}

/** 修改登录密码 (changePasswordSchema). */
export function changePasswordProblems(v: Values): Problems {
  const out: Problems = {};
  const old = v.oldPassword ?? "";
  put(out, "oldPassword", old === "" ? "请输入原密码。" : old.length > 128 ? "内容过长，请精简后再提交。" : null);
  newPasswordProblems(out, v);
  if (old && old === v.password) put(out, "password", "新密码不能与原密码相同，请换一个。");
  return out;
}

/** 基本信息修改 (profileEditSchema): 手机号码, 通讯地址. */
export function profileEditProblems(v: Values): Problems {
  const out: Problems = {};
  put(out, "phone", /^1[3-9]\d{9}$/.test((v.phone ?? "").trim()) ? null : "请输入11位中国大陆手机号码，例如 13800000001。");
  const address = (v.address ?? "").trim();
  put(out, "address", address.length > 200 ? "通讯地址不能超过200个字。" : isCleanText(address) ? null : HOSTILE_TEXT_MESSAGE);
  return out;
}

/** What the server's schemas do to the identity before use (trim; 证件号码 and 统一社会信用代码 upper-case). */
export function trimIdentity(v: Record<string, string>): Record<string, string> {
  const out = { ...v };
  for (const k of ["idNumber", "uscc", "username"]) if (out[k] !== undefined) out[k] = out[k].trim();
  for (const k of ["idNumber", "uscc"]) if (out[k] !== undefined) out[k] = out[k].toUpperCase();
  return out;
}
