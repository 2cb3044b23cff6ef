import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { getKeyEncryptionKey, getSigningIdentity } from "@/lib/server/pki";
import { decryptPrivateKey, ownerAad } from "@/lib/server/pki/key-encryption";
import { rewrapSigningKeys } from "@/lib/server/pki/rewrap";
import { testDb } from "../support/db";

/** Issue 11: rotating the key-encryption key without losing a stored signing key. */
let db: Database;
const saved = { kek: process.env.PORTAL_KEK, previous: process.env.PORTAL_KEK_PREVIOUS };

beforeAll(() => {
  db = testDb();
});
afterAll(() => {
  for (const [name, value] of [
    ["PORTAL_KEK", saved.kek],
    ["PORTAL_KEK_PREVIOUS", saved.previous],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("KEK rotation", () => {
  const title1 =
    "keys stored under the old KEK still open during the rotation, and rewrap moves every one to the new " + "KEK";
  it(title1, async () => {
    // Other test files' identities are under this run's node-local KEK; the rotation must carry them too.
    delete process.env.PORTAL_KEK;
    delete process.env.PORTAL_KEK_PREVIOUS;
    const localKek = await getKeyEncryptionKey();
    const oldKek = randomBytes(32);
    const newKek = randomBytes(32);
    process.env.PORTAL_KEK = oldKek.toString("base64");
    process.env.PORTAL_KEK_PREVIOUS = localKek.toString("base64");
    const ownerId = "00000000-0000-4000-8000-0000000000aa";
    const issued = await getSigningIdentity(db, "authority", ownerId, { commonName: "轮换测试机构" });

    // Step 1: every node gets the new KEK and keeps the old one as previous.
    process.env.PORTAL_KEK = newKek.toString("base64");
    process.env.PORTAL_KEK_PREVIOUS = [oldKek, localKek].map((k) => k.toString("base64")).join(",");
    expect((await getSigningIdentity(db, "authority", ownerId)).privateKeyPem).toBe(issued.privateKeyPem);

    // Step 2: rewrap, then the old KEK can go.
    const out = await rewrapSigningKeys(db);
    expect(out.rewrapped).toBeGreaterThanOrEqual(1);
    expect(out.unreadable).not.toContain(`authority:${ownerId}`);
    const [row] = await db.select().from(s.signingIdentities).where(eq(s.signingIdentities.ownerId, ownerId));
    expect(decryptPrivateKey(row!.encryptedPrivateKey, newKek, ownerAad("authority", ownerId))).toBe(
      issued.privateKeyPem,
    );
    delete process.env.PORTAL_KEK_PREVIOUS;
    expect((await getSigningIdentity(db, "authority", ownerId)).privateKeyPem).toBe(issued.privateKeyPem);
    expect((await rewrapSigningKeys(db)).rewrapped).toBe(0);

    // Rotate back to the node-local KEK so the test files after this one find their keys as they left them.
    process.env.PORTAL_KEK = localKek.toString("base64");
    process.env.PORTAL_KEK_PREVIOUS = newKek.toString("base64");
    await rewrapSigningKeys(db);
  });
});
