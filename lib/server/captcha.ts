import { createHmac } from "node:crypto";
import { createChallenge, randomInt, verifySolution, type Challenge, type Payload } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { rateLimits } from "@/db/schema";
import type { Executor } from "@/db/client";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { authSecret } from "./secret";

/**
 * 人机验证 by proof of work (ALTCHA, self-hosted). The server hands out a signed challenge; the browser must find the
 * counter whose PBKDF2 key starts with a signed prefix. The answer is not in the served bytes — only a key-prefix
 * signature is — so a script has to spend the same CPU as a browser (ASVS V2.2.1 anti-automation), unlike the former
 * image captcha whose SVG paths named each glyph.
 *
 * Cost: counter 1,000–2,000 × PBKDF2 1,000 iterations ≈ 0.5–1 s in a browser; verifying costs one derivation.
 * A solution is single-use: the first verification attempt — right or wrong — records
 * `captcha-used:<signature>` in rate_limits (expire = the challenge's own expiry) and later attempts fail.
 */
export const CAPTCHA_TTL_MS = 5 * 60_000;
const COST = 1_000;
const COUNTER_RANGE = [1_000, 2_000] as const;
const ALGORITHM = "PBKDF2/SHA-256";

function secrets(secret: string) {
  // Two keys derived from the installation secret, so no new configuration is needed.
  const derive = (label: string) => createHmac("sha256", secret).update(`altcha:${label}`).digest("hex");
  return { hmacSignatureSecret: derive("challenge"), hmacKeySignatureSecret: derive("key") };
}

export async function newChallenge(now: Date = new Date(), secret: string = authSecret()): Promise<Challenge> {
  return createChallenge({
    algorithm: ALGORITHM,
    cost: COST,
    counter: randomInt(COUNTER_RANGE[0], COUNTER_RANGE[1]),
    deriveKey,
    expiresAt: new Date(now.getTime() + CAPTCHA_TTL_MS),
    ...secrets(secret),
  });
}

export type CaptchaCheck = "ok" | "missing" | "expired" | "wrong";

/** The widget's form value: base64 of `{ challenge, solution }`. Anything else is "wrong", never an exception. */
function parsePayload(value: string | undefined): Payload | null {
  if (!value?.trim() || value.length > 8_000) return null;
  try {
    const p = JSON.parse(Buffer.from(value.trim(), "base64").toString("utf8")) as Payload;
    if (!p?.challenge?.parameters || typeof p.challenge.signature !== "string" || !p.solution) return null;
    if (p.challenge.parameters.algorithm !== ALGORITHM) return null;
    return p;
  } catch {
    return null;
  }
}

/** Pure part: does the payload solve a challenge we signed, and is it still valid? */
export async function checkCaptchaPayload(
  value: string | undefined,
  now: Date = new Date(),
  secret: string = authSecret(),
): Promise<{ result: CaptchaCheck; id?: string; expires?: number }> {
  if (!value?.trim()) return { result: "missing" };
  const payload = parsePayload(value);
  if (!payload) return { result: "wrong" };
  const expiresAt = Number(payload.challenge.parameters.expiresAt);
  const expires = Number.isFinite(expiresAt) ? expiresAt * 1000 : 0;
  let verified = false;
  try {
    const r = await verifySolution({
      challenge: payload.challenge,
      solution: payload.solution,
      deriveKey,
      ...secrets(secret),
    });
    verified = r.verified;
    if (r.invalidSignature) return { result: "wrong" };
  } catch {
    return { result: "wrong" };
  }
  // Expiry is signed with the challenge, so it is checked against our own clock, not the library's.
  if (!expires || expires <= now.getTime()) return { result: "expired", id: payload.challenge.signature, expires };
  return { result: verified ? "ok" : "wrong", id: payload.challenge.signature, expires };
}

/** Verifies and consumes the solution (single use). */
export async function verifyCaptcha(
  db: Executor,
  value: string | undefined,
  now: Date = new Date(),
): Promise<CaptchaCheck> {
  const check = await checkCaptchaPayload(value, now);
  if (!check.id || !check.expires || check.result !== "ok") return check.result;
  const inserted = await db
    .insert(rateLimits)
    .values({ key: `captcha-used:${check.id}`.slice(0, 255), points: 1, expire: check.expires })
    .onConflictDoNothing()
    .returning({ key: rateLimits.key });
  return inserted.length === 0 ? "expired" : "ok";
}

/** What to tell someone whose 人机验证 failed, in their language. */
export function captchaMessage(check: Exclude<CaptchaCheck, "ok">, locale: Locale = DEFAULT_LOCALE): string {
  return translator(locale, "auth")(`service.captcha.${check}`);
}
