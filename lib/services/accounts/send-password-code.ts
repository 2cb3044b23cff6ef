import type { Executor } from "@/db/client";
import type { ActionResult } from "@/lib/action-result";
import { CAPTCHA_MESSAGES, verifyCaptcha } from "@/lib/server/captcha";
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
import { findAccountByLogin } from "./find-account";

export interface SendPasswordCodeInput {
  purpose: CodePurpose;
  kind: "applicant" | "employer";
  loginName: string;
  /** The 人机验证 widget's payload (proof of work), when the form showed it. */
  captchaAnswer?: string;
  ip: string;
  now?: Date;
}

/**
 * Every answer to a well-formed, allowed request — account or not — is this one (ASVS V2.5.2 / V3.x no enumeration).
 */
export const CODE_REQUEST_ACCEPTED =
  "如果填写的信息与平台登记的账号一致，短信验证码已发送至该账号登记的手机号码（10分钟内有效，1分钟内不会重复发送）。";

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
  const counterKey = codeRequestKey(input.ip);
  const counter = await readCounter(db, counterKey, CODE_REQUEST_POLICY, now);
  if (counter.lockedUntil) {
    return {
      ok: false,
      error: `获取验证码过于频繁，请于 ${describeRetry(counter.lockedUntil, now)}再试。`,
      captchaRequired: true,
    };
  }
  if (await codeRequestNeedsCaptcha(db, input.ip, now)) {
    const captcha = await verifyCaptcha(db, input.captchaAnswer, now);
    if (captcha !== "ok") {
      const message =
        captcha === "missing"
          ? "为防止恶意获取验证码，请先完成人机验证（勾选“我不是机器人”）。"
          : CAPTCHA_MESSAGES[captcha];
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
  return { ok: true, notice: CODE_REQUEST_ACCEPTED };
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
  const mismatch = account.disabled
    ? "您的平台账号已停用，无法获取或重设密码；如有疑问请联系所在地注册管理机构。"
    : input.purpose === "activate" && account.passwordHash
      ? "您的平台账号已设置过登录密码，请直接登录；如忘记密码，请在登录页使用“找回密码”。"
      : input.purpose === "reset_password" && !account.passwordHash
        ? "您的平台账号尚未设置登录密码，请在登录页使用“获取密码”。"
        : null;
  if (mismatch) {
    if (!(await claimTextSlot(db, account.id, now))) return "too_soon";
    await sms.send(
      account.phone,
      `【执业注册平台】有人以您的证件信息申请${input.purpose === "activate" ? "获取" : "找回"}登录密码。${mismatch}如非本人操作，请忽略本短信。`,
    );
    return "explained";
  }
  const issued = await issueCode(db, account.id, input.purpose, now);
  if (!issued.ok) return "too_soon";
  const action = input.purpose === "activate" ? "获取登录密码" : "找回登录密码";
  await sms.send(
    account.phone,
    `【执业注册平台】您正在${action}，验证码 ${issued.code}，10分钟内有效。如非本人操作，请忽略本短信。`,
  );
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
