import base from "./playwright.config";
import { defineConfig } from "@playwright/test";

/**
 * The first run of a real installation: no demo data, PORTAL_URL set, an administrator made by the command line.
 * Its own database (portal_e2e_firstrun_<port>) so it never meets the demo accounts of the other browser tests.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
process.env.E2E_DATABASE_NAME ??= `portal_e2e_firstrun_${PORT}`;
process.env.PORTAL_DATA_DIR ??= "test-results/e2e-first-run-data";

export default defineConfig({
  ...base,
  testIgnore: [],
  testMatch: "first-run.spec.ts",
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-first-run-results.json" }]],
  webServer: {
    ...base.webServer!,
    env: {
      ...(base.webServer as { env: Record<string, string> }).env,
      SEED_DEMO_DATA: "0",
      PORTAL_URL: `http://localhost:${PORT}`,
      E2E_DATABASE_NAME: process.env.E2E_DATABASE_NAME,
      PORTAL_DATA_DIR: process.env.PORTAL_DATA_DIR,
    },
    reuseExistingServer: false,
  },
});
