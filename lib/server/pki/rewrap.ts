import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { signingIdentities } from "@/db/schema";
import { getKeyEncryptionKey, getKeyEncryptionKeys } from "./ca";
import { decryptPrivateKey, encryptPrivateKey, ownerAad } from "./key-encryption";

/**
 * Step two of a KEK rotation (docs/deploy.md): re-encrypts every stored signing key under the current KEK
 * (PORTAL_KEK), reading it under whichever previous KEK (PORTAL_KEK_PREVIOUS) still opens it. Each row is updated
 * only if it still holds the ciphertext that was read, so a key re-issued meanwhile is not overwritten; running it
 * again is harmless. Afterwards the previous KEK can be removed from every node.
 */
export async function rewrapSigningKeys(
  db: Executor,
): Promise<{ rewrapped: number; alreadyCurrent: number; unreadable: string[] }> {
  const current = await getKeyEncryptionKey();
  const keks = await getKeyEncryptionKeys();
  const rows = await db.select().from(signingIdentities);
  let rewrapped = 0;
  let alreadyCurrent = 0;
  // Keys no configured KEK opens (a KEK was dropped too early): reported, never guessed at, the rest still moves.
  const unreadable: string[] = [];
  for (const row of rows) {
    const aad = ownerAad(row.ownerKind, row.ownerId);
    try {
      decryptPrivateKey(row.encryptedPrivateKey, current, aad);
      alreadyCurrent++;
      continue;
    } catch {
      // not under the current KEK: find the previous one that opens it
    }
    let pem: string | null = null;
    for (const kek of keks.slice(1)) {
      try {
        pem = decryptPrivateKey(row.encryptedPrivateKey, kek, aad);
        break;
      } catch {
        // try the next previous KEK
      }
    }
    if (pem === null) {
      unreadable.push(`${row.ownerKind}:${row.ownerId}`);
      continue;
    }
    const updated = await db
      .update(signingIdentities)
      .set({ encryptedPrivateKey: encryptPrivateKey(pem, current, aad) })
      .where(and(eq(signingIdentities.id, row.id), eq(signingIdentities.encryptedPrivateKey, row.encryptedPrivateKey)))
      .returning({ id: signingIdentities.id });
    if (updated.length) rewrapped++;
  }
  return { rewrapped, alreadyCurrent, unreadable };
}
