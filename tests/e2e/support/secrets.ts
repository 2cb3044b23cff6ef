/**
 * The secrets every process of a browser-test run shares: the suite's server (server.ts), the two-node test's nodes,
 * and the fixtures that file applications through the real services in their own processes (review-fixture.ts,
 * publicity-fixture.ts, verify-certificate.spec.ts). They all append to one database's audit chains, so they must
 * chain with one key — a fixture on the development fallback key made 审计校验 report every event it wrote as tampered.
 */
export const E2E_AUDIT_HMAC_KEY = process.env.AUDIT_HMAC_KEY ?? "e2e-only-audit-chain-key-not-used-anywhere-else";
export const E2E_NEXTAUTH_SECRET = process.env.NEXTAUTH_SECRET ?? "e2e-only-secret-not-used-anywhere-else";
/**
 * portal_app's password. Every start that is not given a separate app connection sets it (ALTER ROLE), so the suite's
 * server and the two-node test's nodes, which share one database, must all set the same one — a node with its own
 * would lock the others' new connections out.
 */
export const E2E_DATABASE_APP_PASSWORD = process.env.DATABASE_APP_PASSWORD ?? "e2e-only-app-role-password";
