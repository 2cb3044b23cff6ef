import type { Executor } from "@/db/client";
import type { ActionResult } from "@/lib/action-result";
import { captchaMessage, verifyCaptcha } from "@/lib/server/captcha";
import {
  bumpCounter,
  CODE_REQUEST_POLICY,
  codeRequestKey,
  codeRequestNeedsCaptcha,
  describeRetry,
  readCounter,
} from "@/lib/server/login-throttle";
import { sql } from "drizzle-orm";
import { rateLimits } from "@/db/schema";
import { CODE_RESEND_MS, issueCode, type CodePurpose } from "@/lib/server/one-time-codes";
import { logSecurityEvent } from "@/lib/server/security-events";
import type { SmsProvider } from "@/lib/server/sms";
import { DEFAULT_LOCALE, localeOr, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { findAccountByLogin } from "./find-account";

export interface SendPasswordCodeInput {
  purpose: CodePurpose;
  kind: "applicant" | "employer";
  loginName: string;
  /** The 人机验证 widget's payload (proof of work), when the form showed it. */
  captchaAnswer?: string;
  ip: string;
  /** The language of the page the request came from: the answer is in it (the SMS is in the account's language). */
  locale?: Locale;
  now?: Date;
}

/**
 * Every answer to a well-formed, allowed request — account or not — is this one (ASVS V2.5.2 / V3.x no enumeration).
 */
export const CODE_REQUEST_ACCEPTED = codeRequestAccepted(DEFAULT_LOCALE);

function codeRequestAccepted(locale: Locale): string {
  return translator(locale, "auth")("service.codeAccepted");
}

/** The answer is never faster than this, so the work done for a real account cannot be timed from outside. */
export const CODE_REQUEST_MIN_MS = 400;

/**
 * Step 1 of 获取密码 (purpose "activate": the account has no password yet) and 找回密码 ("reset_password").
 * The 人机验证 is required from the 3rd request per IP and hour (or once the IP failed sign-ins 3 times).
 *
 * No enumeration: whether the ID has an account, has a password already, is disabled or has no phone, the requester
 * gets the same answer after the same minimum time; only the phone on record learns what happened — a code when the
 * request makes sense, otherwise a text saying what to do instead. Each account gets at most one text a minute.
 */
export async function sendPasswordCode(
  db: Executor,
  sms: SmsProvider,
  input: SendPasswordCodeInput,
): Promise<ActionResult<{ notice: string }>> {
  const started = Date.now();
  const now = input.now ?? new Date();
  const locale = input.locale ?? DEFAULT_LOCALE;
  const t = translator(locale, "auth");
  const counterKey = codeRequestKey(input.ip);
  const counter = await readCounter(db, counterKey, CODE_REQUEST_POLICY, now);
  if (counter.lockedUntil) {
    return {
      ok: false,
      error: t("service.codeTooOften", { retry: describeRetry(counter.lockedUntil, now, locale) }),
      captchaRequired: true,
    };
  }
  if (await codeRequestNeedsCaptcha(db, input.ip, now)) {
    const captcha = await verifyCaptcha(db, input.captchaAnswer, now);
    if (captcha !== "ok") {
      const message = captcha === "missing" ? t("service.codeCaptchaFirst") : captchaMessage(captcha, locale);
      return { ok: false, error: message, fieldErrors: { captcha: message }, captchaRequired: true };
    }
  }
  await bumpCounter(db, counterKey, CODE_REQUEST_POLICY, now);

  const outcome = await textThePhoneOnRecord(db, sms, input, now);
  await logSecurityEvent(db, {
    kind: outcome === "code" ? "code_sent" : "code_refused",
    accountId: outcome === "no_account" ? null : undefined,
    ip: input.ip,
    detail: {
      purpose: input.purpose,
      kind: input.kind,
      outcome,
      ...(outcome === "no_account" ? { loginName: input.loginName } : {}),
    },
  });
  const wait = CODE_REQUEST_MIN_MS - (Date.now() - started);
  if (wait > 0 && !input.now) await new Promise((r) => setTimeout(r, wait));
  return { ok: true, notice: codeRequestAccepted(locale) };
}

type Outcome = "code" | "explained" | "no_account" | "no_phone" | "too_soon";

async function textThePhoneOnRecord(
  db: Executor,
  sms: SmsProvider,
  input: SendPasswordCodeInput,
  now: Date,
): Promise<Outcome> {
  const account = await findAccountByLogin(db, input.kind, input.loginName);
  if (!account) return "no_account";
  if (!account.phone) return "no_phone";
  // The text goes to the account holder: in the account's language, whatever the requester's page showed.
  const t = translator(localeOr(account.locale), "auth");
  const purpose = input.purpose === "activate" ? "activate" : "reset";
  const mismatch = account.disabled
    ? t("sms.disabled")
    : input.purpose === "activate" && account.passwordHash
      ? t("sms.hasPassword")
      : input.purpose === "reset_password" && !account.passwordHash
        ? t("sms.noPassword")
        : null;
  if (mismatch) {
    if (!(await claimTextSlot(db, account.id, now))) return "too_soon";
    await sms.send(account.phone, t("sms.explained", { purpose, reason: mismatch }));
    return "explained";
  }
  const issued = await issueCode(db, account.id, input.purpose, now);
  if (!issued.ok) return "too_soon";
  await sms.send(account.phone, t("sms.code", { purpose, code: issued.code }));
  return "code";
}

/** At most one explanatory text per account a minute (codes have their own 60 s guard in issueCode). */
async function claimTextSlot(db: Executor, accountId: string, now: Date): Promise<boolean> {
  const key = `sms:acct:${accountId}`;
  const nowMs = now.getTime();
  const rows = await db
    .insert(rateLimits)
    .values({ key, points: 1, expire: nowMs + CODE_RESEND_MS })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: { points: 1, expire: nowMs + CODE_RESEND_MS },
      setWhere: sql`${rateLimits.expire} <= ${nowMs}`,
    })
    .returning({ key: rateLimits.key });
  return rows.length > 0;
}
