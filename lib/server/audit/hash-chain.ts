import { GENESIS_HASH, keyedDigest, unkeyedDigest } from "@/lib/server/audit-hash";
import { auditChainKey } from "@/lib/server/audit-key";

export { GENESIS_HASH };

export type ChainedFields = {
  applicationId: string;
  seq: number;
  actorUserId: string | null;
  actorKind: string;
  actorName: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  opinion: string | null;
  payload: Record<string, unknown>;
  occurredAt: Date;
  prevHash: string;
};

function hashedFields(e: ChainedFields) {
  return {
    applicationId: e.applicationId,
    seq: e.seq,
    actorUserId: e.actorUserId,
    actorKind: e.actorKind,
    actorName: e.actorName,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    opinion: e.opinion,
    payload: e.payload,
    occurredAt: e.occurredAt.toISOString(),
    prevHash: e.prevHash,
  };
}

/**
 * HMAC-SHA-256 over every stored field and the previous hash: altering any column of any row breaks the chain there.
 * Keyed with a secret that is not in the database (lib/server/audit-key.ts), so someone holding only the database
 * cannot recompute a consistent chain after an edit (ASVS V7.3.3).
 */
export function eventHash(e: ChainedFields, key: string = auditChainKey()): string {
  return keyedDigest(hashedFields(e), key);
}

/**
 * The hash application events were written with before the chain was keyed (until 2026-11-30): plain SHA-256 of the
 * same fields. Only rows inside the sealed pre-key epoch are accepted with it (verify-audit-chain.ts).
 */
export function legacyEventHash(e: ChainedFields): string {
  return unkeyedDigest(hashedFields(e));
}
