import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

/**
 * Bytes of uploaded and generated files live on disk under `${PORTAL_DATA_DIR}/files`, outside `public/`, so nothing
 * is reachable except through the route that checks permission. The database keeps the key, size and SHA-256.
 */
function root(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PORTAL_DATA_DIR ?? ".data", "files");
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export async function storeBytes(bytes: Uint8Array): Promise<{ storageKey: string; sha256: string }> {
  const id = randomUUID();
  // Two-level fan-out keeps directories small at a million files.
  const storageKey = `${id.slice(0, 2)}/${id.slice(2, 4)}/${id}`;
  const file = path.join(root(), storageKey);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, bytes, { mode: 0o600 });
  return { storageKey, sha256: sha256(bytes) };
}

export async function readBytes(storageKey: string): Promise<Buffer> {
  if (!/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f-]{36}$/.test(storageKey)) throw new Error("invalid storage key");
  return fs.readFile(path.join(root(), storageKey));
}

export async function removeBytes(storageKey: string): Promise<void> {
  await fs.rm(path.join(root(), storageKey), { force: true });
}
