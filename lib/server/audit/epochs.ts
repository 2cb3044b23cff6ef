import { createHash } from "node:crypto";
import { and, asc, eq, gt, isNull, lte, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { applicationEvents, auditChainEpochs, securityEvents } from "@/db/schema";
import { canonicalJson, keyedDigest } from "@/lib/server/audit-hash";

export type AuditStream = "application_events" | "security_events";
export const BATCH = 5000;

/**
 * Folds the pre-key rows of a stream (id ≤ legacyMaxId) into a count and a SHA-256 digest, in the order 审计校验
 * walks them. The sealed pair makes those rows tamper-evident although their own links were unkeyed (or absent).
 */
export class LegacyFold {
  private readonly hash = createHash("sha256");
  count = 0;
  add(row: Record<string, unknown>) {
    const plain = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
    this.hash.update(canonicalJson(plain)).update("\n");
    this.count++;
  }
  digest(): string {
    return this.hash.copy().digest("hex");
  }
}

export type Epoch = typeof auditChainEpochs.$inferSelect;

export function epochSeal(e: Pick<Epoch, "stream" | "legacyMaxId" | "legacyCount" | "legacyDigest">): string {
  return keyedDigest({
    epoch: e.stream,
    legacyMaxId: e.legacyMaxId,
    legacyCount: e.legacyCount,
    legacyDigest: e.legacyDigest,
  });
}

export async function loadEpochs(db: Executor): Promise<Map<AuditStream, Epoch>> {
  const rows = await db.select().from(auditChainEpochs);
  return new Map(rows.map((r) => [r.stream as AuditStream, r]));
}

/** Streams a stream's pre-key rows in verification order and folds them. */
async function foldLegacy(db: Executor, stream: AuditStream, legacyMaxId: number): Promise<LegacyFold> {
  const fold = new LegacyFold();
  if (stream === "security_events") {
    for (let after = 0; ; ) {
      const rows = await db
        .select()
        .from(securityEvents)
        .where(and(gt(securityEvents.id, after), lte(securityEvents.id, legacyMaxId)))
        .orderBy(asc(securityEvents.id))
        .limit(BATCH);
      for (const r of rows) fold.add(r);
      if (rows.length < BATCH) return fold;
      after = rows[rows.length - 1]!.id;
    }
  }
  for (let after: { a: string; s: number } | null = null; ; ) {
    const rows: (typeof applicationEvents.$inferSelect)[] = await db
      .select()
      .from(applicationEvents)
      .where(
        and(
          lte(applicationEvents.id, legacyMaxId),
          after
            ? sql`(${applicationEvents.applicationId}, ${applicationEvents.seq}) > (${after.a}::uuid, ${after.s})`
            : undefined,
        ),
      )
      .orderBy(asc(applicationEvents.applicationId), asc(applicationEvents.seq))
      .limit(BATCH);
    for (const r of rows) fold.add(r);
    if (rows.length < BATCH) return fold;
    const last = rows[rows.length - 1]!;
    after = { a: last.applicationId, s: last.seq };
  }
}

/** Seals every epoch not yet sealed: counts and digests its pre-key rows and signs that with the audit key. */
export async function sealAuditEpochs(db: Database): Promise<number> {
  let sealed = 0;
  for (const epoch of (await loadEpochs(db)).values()) {
    if (epoch.seal) continue;
    const fold = await foldLegacy(db, epoch.stream as AuditStream, epoch.legacyMaxId);
    const fields = {
      stream: epoch.stream,
      legacyMaxId: epoch.legacyMaxId,
      legacyCount: fold.count,
      legacyDigest: fold.digest(),
    };
    const updated = await db
      .update(auditChainEpochs)
      .set({ legacyCount: fields.legacyCount, legacyDigest: fields.legacyDigest, seal: epochSeal(fields) })
      .where(and(eq(auditChainEpochs.stream, epoch.stream), isNull(auditChainEpochs.seal)))
      .returning({ stream: auditChainEpochs.stream });
    sealed += updated.length;
  }
  return sealed;
}

/**
 * Migrates as the owner and, in the run whose migration created the epochs (the upgrade to keyed chains, or a new
 * installation), seals them. Only that run: a later start never seals, so someone holding the database cannot clear a
 * seal and wait for a restart to have forged "old" rows accepted. Needs the audit key (AUDIT_HMAC_KEY) settled.
 */
export async function migrateAndSealAuditEpochs(db: Database): Promise<void> {
  const before = await db.execute<{ t: string | null }>(
    sql`select to_regclass('public.audit_chain_epochs')::text as t`,
  );
  await migrateDatabase(db);
  if (before.rows[0]?.t == null) await sealAuditEpochs(db);
}

/**
 * After a restore of a backup made before the epochs existed: every restored row predates the keyed chains, so the
 * epochs are recorded now and sealed (a backup that has its epochs keeps them as they were). Operator command only.
 */
export async function recordEpochsOfRestoredBackup(db: Database): Promise<void> {
  await db.execute(sql`insert into audit_chain_epochs (stream, legacy_max_id)
    values ('application_events', (select coalesce(max(id), 0) from application_events)),
           ('security_events', (select coalesce(max(id), 0) from security_events))
    on conflict (stream) do nothing`);
  await sealAuditEpochs(db);
}
