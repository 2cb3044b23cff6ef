import { createHash, randomUUID } from "node:crypto";
import path from "node:path";
import { localDiskStore } from "./storage/local-disk";
import type { ObjectStore } from "./storage/object-store";
import { s3Store } from "./storage/s3";

export type { ObjectStore } from "./storage/object-store";

/**
 * Bytes of uploaded and generated files go through one ObjectStore chosen by configuration (ADR 0004):
 *
 *   STORAGE_BACKEND=local (default)  `${PORTAL_DATA_DIR}/files` on this node's disk — one machine, embedded default
 *   STORAGE_BACKEND=s3               S3_BUCKET on S3_ENDPOINT (MinIO, Ceph RGW, OSS, COS, AWS); every node shares it
 *
 * The database keeps the key, size and SHA-256; nothing is reachable except through the route that checks permission.
 */
function storageConfigFromEnv(env: NodeJS.ProcessEnv = process.env) {
  const backend = (env.STORAGE_BACKEND ?? "local").toLowerCase();
  if (backend === "s3") {
    if (!env.S3_BUCKET)
      throw new Error(
        "STORAGE_BACKEND=s3 needs S3_BUCKET (and usually S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY).",
      );
    return {
      kind: "s3" as const,
      bucket: env.S3_BUCKET,
      endpoint: env.S3_ENDPOINT || undefined,
      region: env.S3_REGION || "us-east-1",
      forcePathStyle: /^(1|true|yes)$/i.test(env.S3_FORCE_PATH_STYLE ?? ""),
      accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
      prefix: env.S3_PREFIX || undefined,
    };
  }
  if (backend !== "local") throw new Error(`STORAGE_BACKEND must be "local" or "s3", not "${backend}".`);
  return { kind: "local" as const, root: path.join(env.PORTAL_DATA_DIR ?? ".data", "files") };
}

/** True when files live where every node sees them: then nothing node-local (CA, keys, secrets) may be minted. */
export function usesSharedStorage(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.STORAGE_BACKEND ?? "local").toLowerCase() === "s3";
}

type Holder = { stores: Map<string, ObjectStore> };
const processGlobal = globalThis as { __portalStorage?: Holder };
processGlobal.__portalStorage ??= { stores: new Map() };
const holder = processGlobal.__portalStorage;

/** The configured store, one client per configuration per process (tests switch PORTAL_DATA_DIR between runs). */
export function objectStore(): ObjectStore {
  const config = storageConfigFromEnv();
  const id = JSON.stringify(config);
  let store = holder.stores.get(id);
  if (!store) {
    store = config.kind === "s3" ? s3Store(config) : localDiskStore(config.root);
    holder.stores.set(id, store);
  }
  return store;
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

const STORAGE_KEY = /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f-]{36}$/;

export function isStorageKey(key: string): boolean {
  return STORAGE_KEY.test(key);
}

export async function storeBytes(bytes: Uint8Array): Promise<{ storageKey: string; sha256: string }> {
  const id = randomUUID();
  // Two-level fan-out keeps directories (and S3 listings by prefix) small at a million files.
  const storageKey = `${id.slice(0, 2)}/${id.slice(2, 4)}/${id}`;
  await objectStore().put(storageKey, bytes);
  return { storageKey, sha256: sha256(bytes) };
}

export async function readBytes(storageKey: string): Promise<Buffer> {
  if (!isStorageKey(storageKey)) throw new Error("invalid storage key");
  return objectStore().get(storageKey);
}

export async function removeBytes(storageKey: string): Promise<void> {
  if (!isStorageKey(storageKey)) throw new Error("invalid storage key");
  await objectStore().remove(storageKey);
}
