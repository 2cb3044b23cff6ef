import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

/**
 * Issue 11 / V7.3.3: the app node and the worker settle the audit key the same way — configured wins, a single node
 * creates it once under PORTAL_DATA_DIR, a cluster node refuses (a key of its own would break the shared chains).
 */
const VARS = ["PORTAL_DATA_DIR", "STORAGE_BACKEND", "PORTAL_CLUSTER", "AUDIT_HMAC_KEY", "AUDIT_HMAC_KEY_FILE"] as const;
let saved: Record<string, string | undefined>;
let dataDir: string;

beforeEach(() => {
  saved = Object.fromEntries(VARS.map((v) => [v, process.env[v]]));
  for (const v of VARS) delete process.env[v];
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "node-secrets-"));
  process.env.PORTAL_DATA_DIR = dataDir;
});
afterEach(() => {
  for (const v of VARS) {
    if (saved[v] === undefined) delete process.env[v];
    else process.env[v] = saved[v];
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// prepare-database reads PORTAL_DATA_DIR when loaded: import after the environment is set.
const settle = async () => (await import("@/scripts/node-secrets")).settleSecret("AUDIT_HMAC_KEY");

describe("settleSecret(AUDIT_HMAC_KEY)", () => {
  it("takes the configured file's key", async () => {
    const file = path.join(dataDir, "configured-key");
    fs.writeFileSync(file, "shared-key-of-the-cluster\n");
    process.env.AUDIT_HMAC_KEY_FILE = file;
    process.env.PORTAL_CLUSTER = "1";
    await settle();
    expect(process.env.AUDIT_HMAC_KEY).toBe("shared-key-of-the-cluster");
  });

  it("refuses on a cluster node without one, naming the variable in Chinese", async () => {
    process.env.PORTAL_CLUSTER = "1";
    await expect(settle()).rejects.toThrow(/AUDIT_HMAC_KEY_FILE.*docs\/deploy\.md/);
    expect(process.env.AUDIT_HMAC_KEY).toBeUndefined();
  });
});
