import { createHmac } from "node:crypto";
import { auditChainKey } from "@/lib/server/audit-key";

/** The first event of every application chains to this. */
export const GENESIS_HASH = "0".repeat(64);

/** JSON with object keys sorted at every depth: PostgreSQL's jsonb reorders keys, so hashing must not depend on order. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

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

/**
 * HMAC-SHA-256 over every stored field and the previous hash: altering any column of any row breaks the chain there.
 * Keyed with a secret that is not in the database (lib/server/audit-key.ts), so someone holding only the database
 * cannot recompute a consistent chain after an edit (ASVS V7.3.3).
 */
export function eventHash(e: ChainedFields, key: string = auditChainKey()): string {
  return createHmac("sha256", key)
    .update(
      canonicalJson({
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
      }),
    )
    .digest("hex");
}
