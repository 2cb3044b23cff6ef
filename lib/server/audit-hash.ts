import { createHash, createHmac } from "node:crypto";
import { auditChainKey } from "./audit-key";

/** The first link of every chain points back to this. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * JSON with object keys sorted at every depth: PostgreSQL's jsonb reorders keys, so hashing must not depend on order.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/**
 * HMAC-SHA-256 of a value's canonical JSON under the audit key, which is not in the database: someone holding only the
 * database cannot compute a link that verifies (ASVS V7.3.3).
 */
export function keyedDigest(value: unknown, key: string = auditChainKey()): string {
  return createHmac("sha256", key).update(canonicalJson(value)).digest("hex");
}

/** Plain SHA-256 of a value's canonical JSON: what the chains used before they were keyed, and epoch digests. */
export function unkeyedDigest(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}
