import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";

/**
 * An S3-compatible server on a loopback port for tests (s3rver from npm: neither package registry ships MinIO, and
 * Debian's radosgw needs a Ceph cluster — see STACK.md). Accepts the access key / secret "S3RVER" / "S3RVER".
 */
export interface TestS3 {
  readonly endpoint: string;
  readonly bucket: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  stop(): Promise<void>;
}

export async function startTestS3(
  options: { port?: number; directory?: string; bucket?: string } = {},
): Promise<TestS3> {
  const bucket = options.bucket ?? "portal-test";
  const directory = options.directory ?? (await fs.mkdtemp(path.join(os.tmpdir(), "s3rver-")));
  const server = new S3rver({
    address: "127.0.0.1",
    port: options.port ?? 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    async stop() {
      await server.close();
      if (!options.directory) await fs.rm(directory, { recursive: true, force: true });
    },
  };
}

/** Environment that points the portal's storage at a test S3 server. */
export function s3Env(
  s3: Pick<TestS3, "endpoint" | "bucket" | "accessKeyId" | "secretAccessKey">,
): Record<string, string> {
  return {
    STORAGE_BACKEND: "s3",
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: s3.bucket,
    S3_REGION: "us-east-1",
    S3_FORCE_PATH_STYLE: "1",
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
  };
}
