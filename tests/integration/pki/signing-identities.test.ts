import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signingIdentities } from "@/db/schema";
import { getSigningIdentity, issueSigningIdentity } from "@/lib/server/pki";
import { describeCertificate } from "@/lib/server/pki";
import { testDb } from "../support/db";

let dataDir: string;
const previous = process.env.PORTAL_DATA_DIR;

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pki-it-"));
  process.env.PORTAL_DATA_DIR = dataDir;
});
afterAll(() => {
  if (previous === undefined) delete process.env.PORTAL_DATA_DIR;
  else process.env.PORTAL_DATA_DIR = previous;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("signing identities in the database", () => {
  it("issues on first use, stores the key encrypted and returns the same identity afterwards", async () => {
    const db = testDb();
    const id = randomUUID();
    const first = await getSigningIdentity(db, "person", id, { commonName: "王堃" });
    expect(describeCertificate(first.certificatePem).commonName).toBe("王堃");
    const [row] = await db
      .select()
      .from(signingIdentities)
      .where(and(eq(signingIdentities.ownerKind, "person"), eq(signingIdentities.ownerId, id)));
    expect(row!.serialNumber).toBe(first.serialNumber);
    expect(row!.encryptedPrivateKey).not.toContain("PRIVATE KEY");
    const again = await getSigningIdentity(db, "person", id);
    expect(again.serialNumber).toBe(first.serialNumber);
    expect(again.privateKeyPem).toBe(first.privateKeyPem);
  });

  it("concurrent first uses converge on one stored identity (ON CONFLICT DO NOTHING + re-select)", async () => {
    const db = testDb();
    const id = randomUUID();
    const owner = {
      kind: "employer" as const,
      id,
      commonName: "上海建和工程咨询有限公司",
      organization: "上海建和工程咨询有限公司",
    };
    const results = await Promise.all([
      issueSigningIdentity(db, owner),
      issueSigningIdentity(db, owner),
      issueSigningIdentity(db, owner),
    ]);
    expect(new Set(results.map((r) => r.serialNumber)).size).toBe(1);
    const rows = await db.select().from(signingIdentities).where(eq(signingIdentities.ownerId, id));
    expect(rows).toHaveLength(1);
  });

  it("re-issues when the subject's name changed (e.g. employer rename)", async () => {
    const db = testDb();
    const id = randomUUID();
    const before = await getSigningIdentity(db, "employer", id, { commonName: "上海建和工程咨询有限公司" });
    const after = await getSigningIdentity(db, "employer", id, { commonName: "上海建和工程管理有限公司" });
    expect(after.serialNumber).not.toBe(before.serialNumber);
    expect(describeCertificate(after.certificatePem).commonName).toBe("上海建和工程管理有限公司");
    const rows = await db.select().from(signingIdentities).where(eq(signingIdentities.ownerId, id));
    expect(rows).toHaveLength(1);
  });

  it("refuses to issue without a subject name", async () => {
    await expect(getSigningIdentity(testDb(), "authority", randomUUID())).rejects.toThrow(/subject/);
  });
});
