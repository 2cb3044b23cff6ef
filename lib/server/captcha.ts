import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { rateLimits } from "@/db/schema";
import type { Executor } from "@/db/client";
import { authSecret } from "./secret";

/**
 * Image captcha. The answer never leaves the server in clear: the httpOnly cookie holds
 * `nonce.expiresAtMs.hmac(nonce|expires|answer)`. A captcha is single-use: the first verification attempt — right or
 * wrong — records `captcha-used:<nonce>` in rate_limits (expire = the captcha's own expiry) and later attempts with the
 * same cookie fail.
 */
export const CAPTCHA_COOKIE = "portal_captcha";
export const CAPTCHA_TTL_MS = 5 * 60_000;
/** No look-alikes (0/o/O, 1/l/I …); answers are compared case-insensitively. */
export const CAPTCHA_CHARS = "23456789abcdefghjkmnpqrstuvwxyz";

function normalize(answer: string): string {
  return answer.trim().toLowerCase();
}

function mac(secret: string, nonce: string, expires: number, answer: string): Buffer {
  return createHmac("sha256", `captcha:${secret}`).update(`${nonce}|${expires}|${normalize(answer)}`).digest();
}

export function signCaptcha(answer: string, now: Date = new Date(), secret: string = authSecret()): string {
  const nonce = randomBytes(12).toString("base64url");
  const expires = now.getTime() + CAPTCHA_TTL_MS;
  return `${nonce}.${expires}.${mac(secret, nonce, expires, answer).toString("base64url")}`;
}

export type CaptchaCheck = "ok" | "missing" | "expired" | "wrong";

/** Pure part: is `answer` the one the token was issued for, and is it still valid? */
export function checkCaptchaToken(
  token: string | undefined,
  answer: string | undefined,
  now: Date = new Date(),
  secret: string = authSecret(),
): { result: CaptchaCheck; nonce?: string; expires?: number } {
  if (!token || !answer?.trim()) return { result: "missing" };
  const [nonce, exp, sig] = token.split(".");
  const expires = Number(exp);
  if (!nonce || !sig || !Number.isFinite(expires)) return { result: "missing" };
  if (expires <= now.getTime()) return { result: "expired", nonce, expires };
  const expected = mac(secret, nonce, expires, answer);
  const given = Buffer.from(sig, "base64url");
  const ok = given.length === expected.length && timingSafeEqual(given, expected);
  return { result: ok ? "ok" : "wrong", nonce, expires };
}

/** Verifies and consumes the captcha (single use). */
export async function verifyCaptcha(
  db: Executor,
  token: string | undefined,
  answer: string | undefined,
  now: Date = new Date(),
): Promise<CaptchaCheck> {
  const check = checkCaptchaToken(token, answer, now);
  if (!check.nonce || !check.expires || check.result === "expired") return check.result;
  const inserted = await db
    .insert(rateLimits)
    .values({ key: `captcha-used:${check.nonce}`, points: 1, expire: check.expires })
    .onConflictDoNothing()
    .returning({ key: rateLimits.key });
  if (inserted.length === 0) return "expired";
  return check.result;
}

export const CAPTCHA_MESSAGES: Record<Exclude<CaptchaCheck, "ok">, string> = {
  missing: "请输入图片中的验证码。",
  expired: "验证码已失效，请点击图片换一张后重新输入。",
  wrong: "验证码不正确，请看清图片（不区分大小写）后重新输入。",
};

/** Reads one cookie out of a raw Cookie header (next-auth hands authorize() plain headers). */
export function cookieFromHeader(cookieHeader: string | undefined, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return undefined;
}
