import { eq } from "drizzle-orm";
import { userAccounts } from "@/db/schema";
import type { Executor } from "@/db/client";
import { verifyPassword } from "@/lib/server/password";
import { captchaMessage, verifyCaptcha } from "@/lib/server/captcha";
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
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";

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

type AuthT = ReturnType<typeof translator<"auth">>;

function lockedMessage(t: AuthT, locale: Locale, kind: LoginKind, until: Date, now: Date): string {
  return t(`service.locked.${kind}`, { retry: describeRetry(until, now, locale) });
}

/**
 * 登录. Order matters: a lock refuses before anything else; a required captcha is checked before the password (so
 * guessing passwords costs a captcha each); every wrong password counts against the login name and the IP whether or
 * not the account exists, and the message is the same either way.
 */
export async function signIn(db: Executor, input: SignInInput): Promise<SignInResult> {
  const now = input.now ?? new Date();
  // Before sign-in the reader is whoever is at the sign-in page: its language (the switch's cookie), else Chinese.
  const locale = input.locale ?? DEFAULT_LOCALE;
  const t = translator(locale, "auth");
  const keys = { account: accountKey(input.kind, input.loginName), ip: ipKey(input.ip) };
  const base = { ip: input.ip, detail: { kind: input.kind, loginName: input.loginName } };

  const before = await readThrottle(db, keys, now);
  if (before.lockedUntil) {
    await logSecurityEvent(db, { kind: "login_failed", ...base, detail: { ...base.detail, reason: "locked" } });
    return {
      ok: false,
      reason: "locked",
      message: lockedMessage(t, locale, input.kind, before.lockedUntil, now),
      captchaRequired: before.captchaRequired,
    };
  }

  if (before.captchaRequired) {
    const check = await verifyCaptcha(db, input.captchaAnswer, now);
    if (check !== "ok") {
      return {
        ok: false,
        reason: "captcha",
        message: check === "missing" ? t("service.loginCaptchaFirst") : captchaMessage(check, locale),
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
      ? t("service.invalidThenLocked", {
          lead: t(`service.invalidLead.${input.kind}`),
          locked: lockedMessage(t, locale, input.kind, after.lockedUntil, now),
        })
      : t(`service.invalid.${input.kind}`);
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
      message: t("service.disabled"),
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
