import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getCertificateAuthority, getKeyEncryptionKey, getKeyEncryptionKeys } from "@/lib/server/pki/ca";
import { authSecret } from "@/lib/server/secret";

/** Issue 11: every node reads the same CA, KEK and session secret; a node on shared storage never mints its own. */
const VARS = [
  "PORTAL_DATA_DIR",
  "STORAGE_BACKEND",
  "S3_BUCKET",
  "PORTAL_CLUSTER",
  "PORTAL_CA_CERT_FILE",
  "PORTAL_CA_KEY_FILE",
  "PORTAL_CA_CERT",
  "PORTAL_CA_KEY",
  "PORTAL_KEK",
  "PORTAL_KEK_FILE",
  "PORTAL_KEK_PREVIOUS",
  "NEXTAUTH_SECRET",
  "NEXTAUTH_SECRET_FILE",
] as const;
let saved: Record<string, string | undefined>;
let dataDir: string;
let secretsDir: string;

beforeEach(() => {
  saved = Object.fromEntries(VARS.map((v) => [v, process.env[v]]));
  for (const v of VARS) delete process.env[v];
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "keys-data-"));
  secretsDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "keys-secrets-")), "s");
  process.env.PORTAL_DATA_DIR = dataDir;
});
afterEach(() => {
  for (const v of VARS) {
    if (saved[v] === undefined) delete process.env[v];
    else process.env[v] = saved[v];
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(path.dirname(secretsDir), { recursive: true, force: true });
});

function pkiInit() {
  execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/pki-init.ts", secretsDir], {
    stdio: "pipe",
  });
  process.env.PORTAL_CA_CERT_FILE = path.join(secretsDir, "ca-cert.pem");
  process.env.PORTAL_CA_KEY_FILE = path.join(secretsDir, "ca-key.pem");
  process.env.PORTAL_KEK_FILE = path.join(secretsDir, "kek.b64");
  process.env.NEXTAUTH_SECRET_FILE = path.join(secretsDir, "session-secret");
}

describe("shared keys and secrets", () => {
  const title1 =
    "a node on shared storage (S3) with no configured CA or KEK refuses to create them and writes " + "nothing";
  it(title1, async () => {
    process.env.STORAGE_BACKEND = "s3";
    process.env.S3_BUCKET = "portal";
    await expect(getCertificateAuthority()).rejects.toThrow(/PORTAL_CA_CERT_FILE/);
    await expect(getKeyEncryptionKey()).rejects.toThrow(/PORTAL_KEK_FILE/);
    expect(fs.existsSync(path.join(dataDir, "pki"))).toBe(false);
  });

  it("PORTAL_CLUSTER=1 also forbids a per-node session secret", () => {
    process.env.PORTAL_CLUSTER = "1";
    expect(() => authSecret()).toThrow(/NEXTAUTH_SECRET/);
  });

  it("pki:init files give every node the same CA, KEK and session secret without touching the data dir", async () => {
    pkiInit();
    process.env.STORAGE_BACKEND = "s3";
    process.env.S3_BUCKET = "portal";
    const ca = await getCertificateAuthority();
    expect(ca.certificatePem.trim()).toBe(fs.readFileSync(process.env.PORTAL_CA_CERT_FILE!, "utf8").trim());
    const kek = await getKeyEncryptionKey();
    expect(kek.toString("base64")).toBe(fs.readFileSync(process.env.PORTAL_KEK_FILE!, "utf8").trim());
    expect(authSecret()).toBe(fs.readFileSync(process.env.NEXTAUTH_SECRET_FILE!, "utf8").trim());
    expect(fs.existsSync(path.join(dataDir, "pki"))).toBe(false);
    // Running it again must not replace the CA everything was signed under.
    expect(() => pkiInit()).toThrow();
    expect((await getCertificateAuthority()).certificatePem).toBe(ca.certificatePem);
  }, 60_000);

  it("during a KEK rotation the new key encrypts and previous keys still decrypt", async () => {
    const current = randomBytes(32);
    const old = randomBytes(32);
    process.env.PORTAL_KEK = current.toString("base64");
    process.env.PORTAL_KEK_PREVIOUS = old.toString("base64");
    expect(await getKeyEncryptionKey()).toEqual(current);
    expect(await getKeyEncryptionKeys()).toEqual([current, old]);
    process.env.PORTAL_KEK = randomBytes(16).toString("base64");
    await expect(getKeyEncryptionKey()).rejects.toThrow(/256-bit/);
  });
});
