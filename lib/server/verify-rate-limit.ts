import { sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";

/**
 * Public certificate checks per client address, in the `rate_limits` table (same key / points / expire-in-epoch-ms
 * layout as the sign-in back-off in lib/server/login-throttle.ts, so the shared expiry sweep clears these rows too).
 *
 * A fixed window: the first request opens a one-minute window, each request in it spends points, and a new window
 * starts once it has passed. Honest users (a few look-ups, offices behind one NAT) never notice; a script cannot walk
 * the register quickly.
 */
export const VERIFY_LIMIT = { points: 60, windowMs: 60_000 } as const;

/** What one request spends: a look-up 1, an uploaded PDF (parsing, signature checks) 5. */
export const VERIFY_COST = { lookup: 1, upload: 5 } as const;

export function verifyKey(ip: string): string {
  return `verify:ip:${ip}`.slice(0, 255);
}

export type VerifyAllowance = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export async function spendVerifyPoints(
  db: Executor,
  ip: string,
  cost: number = VERIFY_COST.lookup,
  now: Date = new Date(),
): Promise<VerifyAllowance> {
  const nowMs = now.getTime();
  const fresh = nowMs + VERIFY_LIMIT.windowMs;
  const expired = sql`(${rateLimits.expire} is null or ${rateLimits.expire} <= ${nowMs})`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key: verifyKey(ip), points: cost, expire: fresh })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        points: sql`case when ${expired} then ${cost} else ${rateLimits.points} + ${cost} end`,
        expire: sql`case when ${expired} then ${fresh} else ${rateLimits.expire} end`,
      },
    })
    .returning({ points: rateLimits.points, expire: rateLimits.expire });
  if (!row || row.points <= VERIFY_LIMIT.points) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(((row.expire ?? fresh) - nowMs) / 1000)) };
}

/** The same on the process's own pool, for proxy.ts and routes (which do not hold a database handle). */
export function spendVerifyAllowance(ip: string, cost: number = VERIFY_COST.lookup): Promise<VerifyAllowance> {
  return spendVerifyPoints(getDb(), ip, cost);
}

/** What to tell someone who looked up too often, in their language (Chinese unless they chose otherwise). */
export function rateLimitMessage(retryAfterSeconds: number, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale, "public");
  const wait =
    retryAfterSeconds >= 60 ? t("rateLimited.minutes", { n: 1 }) : t("rateLimited.seconds", { n: retryAfterSeconds });
  return t("rateLimited.message", { wait });
}
