import type { Executor } from "@/db/client";
import type { ActionResult } from "@/lib/action-result";
import { CAPTCHA_MESSAGES, verifyCaptcha } from "@/lib/server/captcha";
import {
  bumpCounter,
  CODE_REQUEST_POLICY,
  codeRequestKey,
  describeRetry,
  ipKey,
  readCounter,
  readThrottle,
} from "@/lib/server/login-throttle";
import { issueCode, type CodePurpose } from "@/lib/server/one-time-codes";
import { logSecurityEvent } from "@/lib/server/security-events";
import { maskPhone, type SmsProvider } from "@/lib/server/sms";
import { findAccountByLogin } from "./find-account";

export interface SendPasswordCodeInput {
  purpose: CodePurpose;
  kind: "applicant" | "employer";
  loginName: string;
  captchaToken?: string;
  captchaAnswer?: string;
  ip: string;
  now?: Date;
}

const WHO: Record<SendPasswordCodeInput["kind"], string> = {
  applicant: "证件类型和证件号码",
  employer: "统一社会信用代码",
};

/** Must the 获取密码 / 找回密码 form show the image captcha for a request from this IP? */
export async function codeRequestNeedsCaptcha(db: Executor, ip: string, now: Date = new Date()): Promise<boolean> {
  const [codes, logins] = await Promise.all([
    readCounter(db, codeRequestKey(ip), CODE_REQUEST_POLICY, now),
    readThrottle(db, { ip: ipKey(ip) }, now),
  ]);
  return codes.captchaRequired || logins.captchaRequired;
}

/**
 * Step 1 of 获取密码 (purpose "activate": the account has no password yet) and 找回密码 ("reset_password").
 * The image captcha is required from the 3rd request per IP and hour (or once the IP failed sign-ins 3 times); each
 * account gets at most one code a minute. The code goes by SMS to the phone on record; the result shows it masked.
 */
export async function sendPasswordCode(
  db: Executor,
  sms: SmsProvider,
  input: SendPasswordCodeInput,
): Promise<ActionResult<{ maskedPhone: string }>> {
  const now = input.now ?? new Date();
  const counterKey = codeRequestKey(input.ip);
  const counter = await readCounter(db, counterKey, CODE_REQUEST_POLICY, now);
  if (counter.lockedUntil) {
    return { ok: false, error: `获取验证码过于频繁，请于 ${describeRetry(counter.lockedUntil, now)}再试。`, captchaRequired: true };
  }
  if (await codeRequestNeedsCaptcha(db, input.ip, now)) {
    const captcha = await verifyCaptcha(db, input.captchaToken, input.captchaAnswer, now);
    if (captcha !== "ok") {
      const message = captcha === "missing" ? "为防止恶意获取验证码，请输入图片中的验证码。" : CAPTCHA_MESSAGES[captcha];
      return { ok: false, error: message, fieldErrors: { captcha: message }, captchaRequired: true };
    }
  }
  await bumpCounter(db, counterKey, CODE_REQUEST_POLICY, now);

  const account = await findAccountByLogin(db, input.kind, input.loginName);
  if (!account) {
    return {
      ok: false,
      error: `未找到与该${WHO[input.kind]}对应的账号，请核对后重新输入；如确认无误，请联系所在地注册管理机构。`,
    };
  }
  if (account.disabled) {
    return { ok: false, error: "该账号已停用，无法获取或重设密码。如有疑问请联系所在地注册管理机构。" };
  }
  if (input.purpose === "activate" && account.passwordHash) {
    return { ok: false, error: "该账号已设置过密码，请直接登录；如忘记密码，请使用“找回密码”。" };
  }
  if (input.purpose === "reset_password" && !account.passwordHash) {
    return { ok: false, error: "该账号尚未设置密码，请先使用“获取密码”。" };
  }
  if (!account.phone) {
    return { ok: false, error: "该账号没有登记手机号码，无法发送验证码，请联系所在地注册管理机构更新手机号码。" };
  }

  const issued = await issueCode(db, account.id, input.purpose, now);
  if (!issued.ok) {
    return {
      ok: false,
      error: `验证码已发送至 ${maskPhone(account.phone)}，请查收；如未收到，请${issued.retryAfterSec}秒后再重新获取。`,
    };
  }
  const action = input.purpose === "activate" ? "获取登录密码" : "找回登录密码";
  await sms.send(
    account.phone,
    `【执业注册平台】您正在${action}，验证码 ${issued.code}，10分钟内有效。如非本人操作，请忽略本短信。`,
  );
  await logSecurityEvent(db, {
    kind: "code_sent",
    accountId: account.id,
    ip: input.ip,
    detail: { purpose: input.purpose },
  });
  return { ok: true, maskedPhone: maskPhone(account.phone) };
}
