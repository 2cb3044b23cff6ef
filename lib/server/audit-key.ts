/**
 * The key of the audit chains' HMAC (ASVS V7.3.3). It must not live in the database: whoever can edit an event row
 * could otherwise recompute the chain. `npm start` reads AUDIT_HMAC_KEY or generates one into
 * <PORTAL_DATA_DIR>/audit-hmac-key (next to, not inside, the database; back it up with the data directory).
 *
 * Outside production a fixed development key is used so tests and `next dev` need no setup; production refuses to run
 * without a real key, because a known key makes the chain forgeable again.
 */
const DEV_KEY = "development-only-audit-chain-key";

export function auditChainKey(): string {
  const k = process.env.AUDIT_HMAC_KEY;
  if (k) return k;
  if (process.env.NODE_ENV === "production") {
    throw new Error("AUDIT_HMAC_KEY is not set. Start the portal with `npm start` (it generates one) or set it.");
  }
  return DEV_KEY;
}
