import { eq } from "drizzle-orm";
import { userAccounts } from "@/db/schema";
import type { Executor } from "@/db/client";
import { verifyPassword } from "@/lib/server/password";
import { CAPTCHA_MESSAGES, verifyCaptcha } from "@/lib/server/captcha";
import {
  accountKey,
  describeRetry,
  ipKey,
  readThrottle,
  recordFailure,
  resetAccountThrottle,
} from "@/lib/server/login-throttle";
import { logSecurityEvent } from "@/lib/server/security-events";
import { findAccountByLogin, type LoginKind } from "./find-account";
import type { UserRole } from "@/lib/domain/types";
import type { Locale } from "@/lib/i18n/locales";

export interface SignInInput {
  kind: LoginKind;
  /** Already normalised (applicant: `${idType}:${IDNUMBER}`, employer: upper-case USCC, staff: username). */
  loginName: string;
  password: string;
  /** The language the visitor chose on the sign-in page (its cookie), if any: it becomes the account's language. */
  locale?: Locale;
  /** The 人机验证 widget's payload (proof of work), when the form showed it. */
  captchaAnswer?: string;
  ip: string;
  now?: Date;
}

export interface SignedInAccount {
  id: string;
  role: UserRole;
  displayName: string;
  sessionGeneration: number;
  /** Signed in with an administrator's one-time password: must set their own first. */
  mustChangePassword: boolean;
  personId: string | null;
  employerId: string | null;
  authorityId: string | null;
}

export type SignInFailure = {
  ok: false;
  reason: "captcha" | "locked" | "invalid" | "disabled";
  message: string;
  /** The form must show the image captcha for the next attempt. */
  captchaRequired: boolean;
};
export type SignInResult = { ok: true; account: SignedInAccount } | SignInFailure;

const INVALID: Record<LoginKind, string> = {
  applicant: "证件号码或密码不正确，请核对后重新输入（首次使用请先点击“获取密码”）。连续输错将需要进行人机验证。",
  employer: "统一社会信用代码或密码不正确，请核对后重新输入。连续输错将需要进行人机验证。",
  staff: "用户名或密码不正确，请核对后重新输入。连续输错将需要进行人机验证。",
};
const SELF_SERVICE: Record<LoginKind, string> = {
  applicant: "，或点击“找回密码”通过短信重设密码",
  employer: "，或点击“找回密码”通过短信重设密码",
  staff: "，或联系系统管理员",
};

function lockedMessage(kind: LoginKind, until: Date, now: Date): string {
  return `登录失败次数过多，已暂时锁定，请于 ${describeRetry(until, now)}再试${SELF_SERVICE[kind]}。`;
}

/**
 * 登录. Order matters: a lock refuses before anything else; a required captcha is checked before the password (so
 * guessing passwords costs a captcha each); every wrong password counts against the login name and the IP whether or
 * not the account exists, and the message is the same either way.
 */
export async function signIn(db: Executor, input: SignInInput): Promise<SignInResult> {
  const now = input.now ?? new Date();
  const keys = { account: accountKey(input.kind, input.loginName), ip: ipKey(input.ip) };
  const base = { ip: input.ip, detail: { kind: input.kind, loginName: input.loginName } };

  const before = await readThrottle(db, keys, now);
  if (before.lockedUntil) {
    await logSecurityEvent(db, { kind: "login_failed", ...base, detail: { ...base.detail, reason: "locked" } });
    return {
      ok: false,
      reason: "locked",
      message: lockedMessage(input.kind, before.lockedUntil, now),
      captchaRequired: before.captchaRequired,
    };
  }

  if (before.captchaRequired) {
    const check = await verifyCaptcha(db, input.captchaAnswer, now);
    if (check !== "ok") {
      return {
        ok: false,
        reason: "captcha",
        message:
          check === "missing"
            ? "为保障账号安全，请先完成人机验证（勾选“我不是机器人”）再登录。"
            : CAPTCHA_MESSAGES[check],
        captchaRequired: true,
      };
    }
  }

  const account = await findAccountByLogin(db, input.kind, input.loginName);
  const passwordOk = await verifyPassword(input.password, account?.passwordHash);

  if (!account || !passwordOk) {
    const after = await recordFailure(db, keys, now);
    await logSecurityEvent(db, {
      kind: "login_failed",
      accountId: account?.id,
      ...base,
      detail: { ...base.detail, reason: account ? "bad_password" : "unknown_login", failures: after.accountFailures },
    });
    const message = after.lockedUntil
      ? `${INVALID[input.kind].split("。")[0]}。${lockedMessage(input.kind, after.lockedUntil, now)}`
      : INVALID[input.kind];
    return {
      ok: false,
      reason: after.lockedUntil ? "locked" : "invalid",
      message,
      captchaRequired: after.captchaRequired,
    };
  }

  if (account.disabled) {
    await logSecurityEvent(db, {
      kind: "login_failed",
      accountId: account.id,
      ...base,
      detail: { ...base.detail, reason: "disabled" },
    });
    return {
      ok: false,
      reason: "disabled",
      message: "该账号已停用，无法登录。如有疑问请联系所在地注册管理机构。",
      captchaRequired: before.captchaRequired,
    };
  }

  await resetAccountThrottle(db, keys.account);
  await db
    .update(userAccounts)
    .set({ lastLoginAt: now, ...(input.locale ? { locale: input.locale } : {}) })
    .where(eq(userAccounts.id, account.id));
  await logSecurityEvent(db, { kind: "login_ok", accountId: account.id, ...base });
  return {
    ok: true,
    account: {
      id: account.id,
      role: account.role,
      displayName: account.displayName,
      sessionGeneration: account.sessionGeneration,
      mustChangePassword: account.mustChangePassword,
      personId: account.personId,
      employerId: account.employerId,
      authorityId: account.authorityId,
    },
  };
}
