import { desc, isNotNull, sql } from "drizzle-orm";
import { securityEvents } from "@/db/schema";
import type { Executor } from "@/db/client";
import { GENESIS_HASH, keyedDigest } from "./audit-hash";
import { auditChainKey } from "./audit-key";

export type SecurityEventKind =
  | "login_ok"
  | "login_failed"
  | "logout"
  | "password_changed"
  | "password_activated"
  | "password_reset"
  | "code_sent"
  | "code_refused"
  | "code_failed"
  | "profile_changed"
  // Administration (系统管理): who did what to which account or authority; `detail` names the target.
  | "admin_created"
  | "account_created"
  | "account_disabled"
  | "account_enabled"
  | "account_unlocked"
  | "password_reset_by_admin"
  /** A reviewer or employer account was linked to (or unlinked from) the person it is (segregation of duties). */
  | "account_person_linked"
  | "authority_created"
  | "authority_updated"
  /** An administrator published, edited or withdrew public-site content (通知公告, 常见问题). */
  | "site_content_changed"
  /** 人员管理 (M4): an employer saved or submitted a staff record, or a reviewer approved or returned it. */
  | "personnel_record_changed"
  /** 单位名称变更 (R4): an employer filed a name change, or a reviewer approved or rejected it. */
  | "employer_name_changed";

export type ChainedSecurityFields = {
  seq: number;
  accountId: string | null;
  kind: string;
  ip: string | null;
  detail: Record<string, unknown>;
  createdAt: Date;
  prevHash: string;
};

/**
 * The keyed link of one security event: every stored column and the previous link (ASVS V7.3.3). `stream` separates it
 * from application-event links, so a row cannot be transplanted from one chain into the other.
 */
export function securityEventHash(e: ChainedSecurityFields, key: string = auditChainKey()): string {
  return keyedDigest(
    {
      stream: "security_events",
      seq: e.seq,
      accountId: e.accountId,
      kind: e.kind,
      ip: e.ip,
      detail: e.detail,
      createdAt: e.createdAt.toISOString(),
      prevHash: e.prevHash,
    },
    key,
  );
}

/** Arbitrary but fixed: the transaction-scoped advisory lock that serialises appends to the one security chain. */
const SECURITY_CHAIN_LOCK = 7_300_303;

/**
 * Appends a security or administration event to its keyed chain (ASVS V7.3.3, V7.3.4). Runs in a transaction of its
 * own, or in a savepoint of the caller's so the event commits or rolls back with the change it records. The advisory
 * lock is held to the end of that transaction: appends take turns, so two cannot link to the same predecessor (the
 * unique seq index is the backstop).
 */
export async function logSecurityEvent(
  db: Executor,
  e: { kind: SecurityEventKind; accountId?: string | null; ip?: string | null; detail?: Record<string, unknown> },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SECURITY_CHAIN_LOCK})`);
    const [last] = await tx
      .select({ seq: securityEvents.seq, hash: securityEvents.hash })
      .from(securityEvents)
      .where(isNotNull(securityEvents.seq))
      .orderBy(desc(securityEvents.seq))
      .limit(1);
    const fields: ChainedSecurityFields = {
      seq: (last?.seq ?? 0) + 1,
      accountId: e.accountId ?? null,
      kind: e.kind,
      ip: e.ip ? e.ip.slice(0, 64) : null,
      // As jsonb will return it (a Date becomes its ISO string, undefined members vanish), so the link hashes what is
      // stored.
      detail: JSON.parse(JSON.stringify(e.detail ?? {})) as Record<string, unknown>,
      // Millisecond precision: what JavaScript can represent is exactly what PostgreSQL stores and returns.
      createdAt: new Date(),
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    await tx.insert(securityEvents).values({ ...fields, hash: securityEventHash(fields) });
  });
}
