/**
 * The new-password checks of 获取密码 / 找回密码, with the same words as lib/schemas/accounts.ts (the server still
 * parses with those schemas). 修改登录密码 and 基本信息修改 check in the reader's language in
 * components/account/checks.ts. tests/unit/auth/client-checks.test.ts keeps them in step with the schemas.
 */
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
