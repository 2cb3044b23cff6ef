/**
 * The browser's own checks for 修改登录密码 and 基本信息修改, with the same words as lib/schemas/accounts.ts (the
 * server still parses with those schemas). Kept apart from checks.ts so these pages do not also ship the 证件号码 and
 * 统一社会信用代码 checksums they never use (issue 12: every KB counts against the 15 KB budget).
 * tests/unit/auth/client-checks.test.ts keeps them in step with the schemas.
 */
import { HOSTILE_TEXT_MESSAGE, isCleanText } from "@/lib/domain/clean-text";
import { passwordRuleProblem } from "@/lib/domain/password-rule";

export type Problems = Record<string, string>;
export type Values = Record<string, string | undefined>;

/** Keeps the first problem per field, as the schemas' `fieldErrorsOf` does. */
export function put(out: Problems, field: string, problem: string | null): void {
  if (problem && !out[field]) out[field] = problem;
}

/** 新密码 + 确认新密码. The schema compares the two even when 新密码 breaks the rule, so this does too. */
export function newPasswordProblems(out: Problems, v: Values): void {
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
  put(
    out,
    "phone",
    /^1[3-9]\d{9}$/.test((v.phone ?? "").trim()) ? null : "请输入11位中国大陆手机号码，例如 13800000001。",
  );
  const address = (v.address ?? "").trim();
  put(
    out,
    "address",
    address.length > 200 ? "通讯地址不能超过200个字。" : isCleanText(address) ? null : HOSTILE_TEXT_MESSAGE,
  );
  return out;
}
