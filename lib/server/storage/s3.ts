import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { StoredObjectMissingError, type ObjectStore, type StoredObjectInfo } from "./object-store";

export interface S3StoreConfig {
  readonly bucket: string;
  /** e.g. http://minio:9000, https://oss-cn-shanghai.aliyuncs.com; unset → AWS for `region`. */
  readonly endpoint?: string;
  readonly region: string;
  /** MinIO and Ceph RGW usually want path-style URLs (http://host/bucket/key) instead of bucket subdomains. */
  readonly forcePathStyle: boolean;
  readonly accessKeyId?: string;
  readonly secretAccessKey?: string;
  /** Prefix every key, so one bucket can hold several installations (e.g. "portal/"). */
  readonly prefix?: string;
}

/** Objects in one bucket of an S3-compatible store, shared by every app node. */
export function s3Store(config: S3StoreConfig): ObjectStore {
  const clientConfig: S3ClientConfig = {
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    // Without explicit keys the SDK's default chain applies (env, instance role …).
    credentials:
      config.accessKeyId && config.secretAccessKey
        ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey }
        : undefined,
  };
  const client = new S3Client(clientConfig);
  const prefix = config.prefix ?? "";
  const Bucket = config.bucket;

  return {
    kind: "s3",
    async put(key, bytes) {
      // PutObject is atomic: readers see the old state or the whole new object, never a part.
      await client.send(
        new PutObjectCommand({ Bucket, Key: prefix + key, Body: bytes, ContentLength: bytes.byteLength }),
      );
    },
    async get(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket, Key: prefix + key }));
        if (!out.Body) throw new StoredObjectMissingError(key);
        return Buffer.from(await out.Body.transformToByteArray());
      } catch (e) {
        if (e instanceof NoSuchKey || (e as { name?: string }).name === "NoSuchKey")
          throw new StoredObjectMissingError(key);
        throw e;
      }
    },
    async remove(key) {
      // S3 DeleteObject succeeds for a missing key, which is the contract we want.
      await client.send(new DeleteObjectCommand({ Bucket, Key: prefix + key }));
    },
    async *list(): AsyncIterable<StoredObjectInfo> {
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket, Prefix: prefix || undefined, ContinuationToken }),
        );
        for (const o of page.Contents ?? []) {
          if (!o.Key) continue;
          yield { key: o.Key.slice(prefix.length), lastModified: o.LastModified ?? new Date(0) };
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
  };
}
