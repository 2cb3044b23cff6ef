import { inArray, isNotNull, lt, lte, or, and } from "drizzle-orm";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { isStorageKey, objectStore } from "@/lib/server/storage";

export type HousekeepingResult = { oneTimeCodes: number; rateLimits: number; orphanFiles: number };

/** A stored object is written before the row that references it commits; younger ones may still be in flight. */
const ORPHAN_GRACE_MS = 24 * 60 * 60 * 1000;
/** Expired codes stay a week for the security trail (attempt counts) before they go. */
const CODE_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Housekeeping (issue 11): expired one-time codes, rate-limit rows whose window has passed, and stored objects no
 * `files` row references. Every step deletes only what is already dead, so running it twice, or on two nodes at
 * once, is harmless.
 */
export async function sweepHousekeeping(db: Database, now = new Date()): Promise<HousekeepingResult> {
  const codes = await db
    .delete(s.oneTimeCodes)
    .where(
      or(
        lt(s.oneTimeCodes.expiresAt, new Date(now.getTime() - CODE_RETENTION_MS)),
        and(
          isNotNull(s.oneTimeCodes.consumedAt),
          lt(s.oneTimeCodes.consumedAt, new Date(now.getTime() - CODE_RETENTION_MS)),
        ),
      ),
    )
    .returning({ id: s.oneTimeCodes.id });
  const limits = await db
    .delete(s.rateLimits)
    // Every writer treats `expire <= now` as over (login-throttle, verify-rate-limit, captcha), so the sweep does too.
    .where(and(isNotNull(s.rateLimits.expire), lte(s.rateLimits.expire, now.getTime())))
    .returning({ key: s.rateLimits.key });

  let orphanFiles = 0;
  const store = objectStore();
  let batch: string[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const referenced = await db
      .select({ key: s.files.storageKey })
      .from(s.files)
      .where(inArray(s.files.storageKey, batch));
    const keep = new Set(referenced.map((r) => r.key));
    for (const key of batch) {
      if (keep.has(key)) continue;
      await store.remove(key);
      orphanFiles++;
    }
    batch = [];
  };
  for await (const o of store.list()) {
    // Only keys the portal itself writes; anything else in the bucket belongs to someone else.
    if (!isStorageKey(o.key) || now.getTime() - o.lastModified.getTime() < ORPHAN_GRACE_MS) continue;
    batch.push(o.key);
    if (batch.length >= 500) await flush();
  }
  await flush();
  return { oneTimeCodes: codes.length, rateLimits: limits.length, orphanFiles };
}
