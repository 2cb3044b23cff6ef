/** Starts the portal for browser tests on a freshly created database, exactly as `npm start` would. */
import { spawn } from "node:child_process";
import pg from "pg";
import { E2E_DATABASE_NAME, E2E_SERVER_URL, e2eDatabaseUrl } from "./database";
import { E2E_AUDIT_HMAC_KEY, E2E_DATABASE_APP_PASSWORD, E2E_NEXTAUTH_SECRET } from "./secrets";

const admin = new pg.Client({ connectionString: E2E_SERVER_URL });
await admin.connect();
await admin.query(`drop database if exists ${E2E_DATABASE_NAME} with (force)`);
await admin.query(`create database ${E2E_DATABASE_NAME}`);
await admin.end();

const child = spawn("npx", ["tsx", "scripts/start.ts"], {
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: e2eDatabaseUrl(),
    NEXTAUTH_SECRET: E2E_NEXTAUTH_SECRET,
    AUDIT_HMAC_KEY: E2E_AUDIT_HMAC_KEY,
    DATABASE_APP_PASSWORD: E2E_DATABASE_APP_PASSWORD,
    PORTAL_DATA_DIR: process.env.PORTAL_DATA_DIR ?? "test-results/e2e-data",
    PORTAL_URL: process.env.PORTAL_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
  },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
