import { and, gt, inArray, sql } from "drizzle-orm";
import { rateLimits } from "@/db/schema";
import type { Executor } from "@/db/client";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";

/**
 * Sign-in back-off, kept in the `rate_limits` table (key / points / expire in epoch milliseconds; the housekeeping job
 * deletes rows whose expire has passed). Written by hand rather than with rate-limiter-flexible: the lock grows
 * exponentially with the failure count (its blockDuration is fixed), every statement must run on the caller's executor
 * (transactions, tests) and take the caller's clock — see docs/decisions/0007-layering.md.
 *
 * Two counters per attempt:
 *  - per account  `login:acct:<role>:<loginName>` — counts consecutive failures, reset by a successful sign-in or a
 *    password reset. Keyed by the login name as typed (normalised), so unknown names are throttled exactly like real
 *    ones and the responses reveal nothing about which accounts exist.
 *  - per IP       `login:ip:<ip>` — counts failures from one address within an hour; never reset by success.
 * A lock is a separate row `lock:<counter key>` whose `expire` is the moment the lock ends.
 */
export interface ThrottlePolicy {
  /** From this many failures on, a captcha is required. */
  captchaAfter: number;
  /** The failure that reaches this count (and every later one) locks for baseLockMs · 2^(failures − lockAfter). */
  lockAfter: number;
  baseLockMs: number;
  maxLockMs: number;
  /** A counter forgets failures this long after the last one. */
  windowMs: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = {
  captchaAfter: 3,
  lockAfter: 5,
  baseLockMs: 60_000,
  maxLockMs: 60 * 60_000,
  windowMs: 24 * 60 * 60_000,
};

/** Looser: many honest users can share one address (offices, NAT). */
export const IP_POLICY: ThrottlePolicy = {
  captchaAfter: 3,
  lockAfter: 20,
  baseLockMs: 60_000,
  maxLockMs: 60 * 60_000,
  windowMs: 60 * 60_000,
};

/** Lock length after the `failures`-th consecutive failure: 0 below the threshold, then 1, 2, 4 … minutes, capped. */
export function lockDurationMs(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.lockAfter) return 0;
  const exp = Math.min(failures - policy.lockAfter, 30);
  return Math.min(policy.baseLockMs * 2 ** exp, policy.maxLockMs);
}

export function accountKey(role: string, loginName: string): string {
  return `login:acct:${role}:${loginName}`.slice(0, 255);
}
export function ipKey(ip: string): string {
  return `login:ip:${ip}`.slice(0, 255);
}
const lockKey = (key: string) => `lock:${key}`.slice(0, 255);

export interface ThrottleState {
  accountFailures: number;
  ipFailures: number;
  /** Set when either the account or the IP is locked at `now`. */
  lockedUntil: Date | null;
  captchaRequired: boolean;
}

export async function readThrottle(
  db: Executor,
  keys: { account?: string; ip?: string },
  now: Date = new Date(),
): Promise<ThrottleState> {
  const wanted = [keys.account, keys.ip].filter((k): k is string => !!k);
  const all = [...wanted, ...wanted.map(lockKey)];
  const rows = all.length
    ? await db
        .select()
        .from(rateLimits)
        .where(and(inArray(rateLimits.key, all), gt(rateLimits.expire, now.getTime())))
    : [];
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const accountFailures = keys.account ? (byKey.get(keys.account)?.points ?? 0) : 0;
  const ipFailures = keys.ip ? (byKey.get(keys.ip)?.points ?? 0) : 0;
  let lockedUntil: number | null = null;
  for (const k of wanted) {
    const lock = byKey.get(lockKey(k));
    if (lock?.expire && (lockedUntil === null || lock.expire > lockedUntil)) lockedUntil = lock.expire;
  }
  return {
    accountFailures,
    ipFailures,
    lockedUntil: lockedUntil === null ? null : new Date(lockedUntil),
    captchaRequired: accountFailures >= ACCOUNT_POLICY.captchaAfter || ipFailures >= IP_POLICY.captchaAfter,
  };
}

async function bump(db: Executor, key: string, policy: ThrottlePolicy, nowMs: number): Promise<number> {
  const expire = nowMs + policy.windowMs;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, points: 1, expire })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        points: sql.join([
          sql`case when ${rateLimits.expire} is null or ${rateLimits.expire} <= ${nowMs} `,
          sql`then 1 else ${rateLimits.points} + 1 end`,
        ]),
        expire,
      },
    })
    .returning({ points: rateLimits.points });
  const failures = row?.points ?? 1;
  const lockMs = lockDurationMs(failures, policy);
  if (lockMs > 0) {
    await db
      .insert(rateLimits)
      .values({ key: lockKey(key), points: failures, expire: nowMs + lockMs })
      .onConflictDoUpdate({ target: rateLimits.key, set: { points: failures, expire: nowMs + lockMs } });
  }
  return failures;
}

/**
 * 获取密码 / 找回密码 code requests per IP: the first 2 in an hour need no image captcha, later ones do (this limits
 * probing which identity numbers have accounts, and SMS flooding; each account also waits 60 s between codes);
 * from the 20th on the address is locked with the same doubling back-off.
 */
export const CODE_REQUEST_POLICY: ThrottlePolicy = {
  captchaAfter: 2,
  lockAfter: 20,
  baseLockMs: 60_000,
  maxLockMs: 60 * 60_000,
  windowMs: 60 * 60_000,
};
export function codeRequestKey(ip: string): string {
  return `code:ip:${ip}`.slice(0, 255);
}

/** One counter on its own (code requests). */
export async function readCounter(
  db: Executor,
  key: string,
  policy: ThrottlePolicy,
  now: Date = new Date(),
): Promise<{ count: number; lockedUntil: Date | null; captchaRequired: boolean }> {
  const rows = await db
    .select()
    .from(rateLimits)
    .where(and(inArray(rateLimits.key, [key, lockKey(key)]), gt(rateLimits.expire, now.getTime())));
  const count = rows.find((r) => r.key === key)?.points ?? 0;
  const lock = rows.find((r) => r.key === lockKey(key))?.expire;
  return { count, lockedUntil: lock ? new Date(lock) : null, captchaRequired: count >= policy.captchaAfter };
}

export async function bumpCounter(
  db: Executor,
  key: string,
  policy: ThrottlePolicy,
  now: Date = new Date(),
): Promise<number> {
  return bump(db, key, policy, now.getTime());
}

/** Must the 获取密码 / 找回密码 form show the 人机验证 for a request from this IP? */
export async function codeRequestNeedsCaptcha(db: Executor, ip: string, now: Date = new Date()): Promise<boolean> {
  const [codes, logins] = await Promise.all([
    readCounter(db, codeRequestKey(ip), CODE_REQUEST_POLICY, now),
    readThrottle(db, { ip: ipKey(ip) }, now),
  ]);
  return codes.captchaRequired || logins.captchaRequired;
}

/** Counts one failed attempt against both keys and returns the state afterwards. */
export async function recordFailure(
  db: Executor,
  keys: { account?: string; ip?: string },
  now: Date = new Date(),
): Promise<ThrottleState> {
  if (keys.account) await bump(db, keys.account, ACCOUNT_POLICY, now.getTime());
  if (keys.ip) await bump(db, keys.ip, IP_POLICY, now.getTime());
  return readThrottle(db, keys, now);
}

/** Forget an account's failures and lock (successful sign-in, password reset). */
export async function resetAccountThrottle(db: Executor, key: string): Promise<void> {
  await db.delete(rateLimits).where(inArray(rateLimits.key, [key, lockKey(key)]));
}

/** "14:05（约3分钟后）", or in English "14:05 (in about 3 minutes)": in the language of whoever reads it. */
export function describeRetry(until: Date, now: Date = new Date(), locale: Locale = DEFAULT_LOCALE): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  const time = new Intl.DateTimeFormat("zh-CN", {
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
    timeZone: "Asia/Shanghai",
  }).format(until);
  return translator(locale, "auth")("service.retryAt", { time, minutes });
}
