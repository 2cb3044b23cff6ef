/**
 * The browser's own checks for 修改登录密码 and 基本信息修改 (issue 12: no zod on these pages), in the reader's language
 * (issue 14): the server page passes the `account.checks` messages as props, so the browser ships no catalog and no
 * next-intl. With the zh-CN messages they say exactly what lib/schemas/accounts.ts says, field for field; the server
 * still parses every submission with those schemas. tests/unit/auth/client-checks.test.ts keeps them in step.
 */
import { isCleanText } from "@/lib/domain/clean-text";
import { passwordRuleProblem } from "@/lib/domain/password-rule";

export type Problems = Record<string, string>;
export type Values = Record<string, string | undefined>;

/** The messages these checks give (catalog `account.checks` plus the password rule), as plain strings. */
export type AccountCheckMessages = {
  oldPasswordEmpty: string;
  tooLong: string;
  rule: string;
  confirmEmpty: string;
  mismatch: string;
  sameAsOld: string;
  phone: string;
  addressTooLong: string;
  hostileText: string;
};

/** Keeps the first problem per field, as the schemas' `fieldErrorsOf` does. */
function put(out: Problems, field: string, problem: string | null): void {
  if (problem && !out[field]) out[field] = problem;
}

/**
 * 新密码 + 确认新密码 (the schemas' newPasswordFields + confirmMatches). The schema compares the two even when 新密码
 * breaks the rule, so this does too. 获取密码 / 找回密码 can share it once their checks take messages too.
 */
function newPasswordProblems(
  out: Problems,
  v: Values,
  m: Pick<AccountCheckMessages, "rule" | "confirmEmpty" | "mismatch">,
): void {
  put(out, "password", passwordRuleProblem(v.password ?? "") ? m.rule : null);
  put(out, "confirm", v.confirm ? null : m.confirmEmpty);
  if ((v.password ?? "") !== v.confirm) put(out, "confirm", m.mismatch);
}

/** 修改登录密码 (changePasswordSchema). */
export function changePasswordProblems(v: Values, m: AccountCheckMessages): Problems {
  const out: Problems = {};
  const old = v.oldPassword ?? "";
  put(out, "oldPassword", old === "" ? m.oldPasswordEmpty : old.length > 128 ? m.tooLong : null);
  newPasswordProblems(out, v, m);
  if (old && old === v.password) put(out, "password", m.sameAsOld);
  return out;
}

/** 基本信息修改 (profileEditSchema): 手机号码, 通讯地址. */
export function profileEditProblems(v: Values, m: AccountCheckMessages): Problems {
  const out: Problems = {};
  put(out, "phone", /^1[3-9]\d{9}$/.test((v.phone ?? "").trim()) ? null : m.phone);
  const address = (v.address ?? "").trim();
  put(out, "address", address.length > 200 ? m.addressTooLong : isCleanText(address) ? null : m.hostileText);
  return out;
}
