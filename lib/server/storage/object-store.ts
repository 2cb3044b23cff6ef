/**
 * What the portal needs from a place that keeps file bytes. Two implementations: the node's own disk (the embedded,
 * single-machine default) and S3-compatible object storage (MinIO, Ceph RGW, Aliyun OSS, Tencent COS, AWS) so that
 * any app node can read what another node wrote. Keys are opaque to the store; the database keeps key, size and
 * SHA-256 and decides who may read what.
 */
export interface StoredObjectInfo {
  readonly key: string;
  readonly lastModified: Date;
}

export interface ObjectStore {
  /** Which implementation answers, for health output and logs ("local" | "s3"). */
  readonly kind: "local" | "s3";
  /** Writes the bytes under `key`; once this resolves, every node reading `key` gets exactly these bytes. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes under `key`; rejects with StoredObjectMissingError when nothing is stored there. */
  get(key: string): Promise<Buffer>;
  /** Removes `key`; removing what is already gone is not an error (sweeps and retries may repeat it). */
  remove(key: string): Promise<void>;
  /** Every stored key with its last-modified time, in no particular order (housekeeping walks this). */
  list(): AsyncIterable<StoredObjectInfo>;
}

export class StoredObjectMissingError extends Error {
  constructor(readonly key: string) {
    super(`no stored object under ${key}`);
    this.name = "StoredObjectMissingError";
  }
}
