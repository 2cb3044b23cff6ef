import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDiskStore } from "@/lib/server/storage/local-disk";
import { StoredObjectMissingError, type ObjectStore } from "@/lib/server/storage/object-store";
import { s3Store } from "@/lib/server/storage/s3";
import { startTestS3, type TestS3 } from "@/tests/support/s3rver";

/**
 * One contract, two stores: whatever the portal relies on must hold for the node's disk and for S3-compatible
 * object storage alike. The S3 run uses the server that scripts/ensure-test-services.sh started (TEST_S3_ENDPOINT)
 * or, when run alone, an s3rver this file starts on a loopback port.
 */
type Fixture = { store: ObjectStore; cleanup: () => Promise<void> };

const fixtures: Record<string, () => Promise<Fixture>> = {
  "local disk": async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "store-contract-"));
    return { store: localDiskStore(dir), cleanup: () => fs.rm(dir, { recursive: true, force: true }) };
  },
  "S3 (s3rver, path-style)": async () => {
    let s3: TestS3 | null = null;
    const shared = process.env.TEST_S3_ENDPOINT;
    if (!shared) s3 = await startTestS3();
    const endpoint = shared ?? s3!.endpoint;
    const bucket = shared ? (process.env.TEST_S3_BUCKET ?? "portal-test") : s3!.bucket;
    // A fresh prefix per run keeps runs against the shared server from seeing each other's objects.
    const prefix = `contract-${Date.now()}-${process.pid}/`;
    const store = s3Store({
      bucket,
      endpoint,
      region: "us-east-1",
      forcePathStyle: true,
      accessKeyId: "S3RVER",
      secretAccessKey: "S3RVER",
      prefix,
    });
    return {
      store,
      cleanup: async () => {
        for await (const o of store.list()) await store.remove(o.key);
        await s3?.stop();
      },
    };
  },
};

for (const [name, make] of Object.entries(fixtures)) {
  describe(`object store contract: ${name}`, () => {
    let fx: Fixture;
    beforeAll(async () => {
      fx = await make();
    });
    afterAll(async () => {
      await fx?.cleanup();
    });

    it("returns exactly the bytes that were put, including CJK text and binary", async () => {
      const text = Buffer.from("执业注册平台 王堃 堃喆犇燚昇珺玥", "utf8");
      const binary = Buffer.from(Array.from({ length: 256 * 4 }, (_, i) => i % 256));
      await fx.store.put("aa/bb/text", text);
      await fx.store.put("aa/cc/binary", binary);
      expect((await fx.store.get("aa/bb/text")).toString("utf8")).toBe("执业注册平台 王堃 堃喆犇燚昇珺玥");
      expect(Buffer.compare(await fx.store.get("aa/cc/binary"), binary)).toBe(0);
    });

    it("a second put under the same key replaces the object whole", async () => {
      await fx.store.put("aa/dd/replace", Buffer.from("first version, longer than the second"));
      await fx.store.put("aa/dd/replace", Buffer.from("second"));
      expect((await fx.store.get("aa/dd/replace")).toString()).toBe("second");
    });

    it("reading a missing key rejects with StoredObjectMissingError", async () => {
      await expect(fx.store.get("ff/ff/never-written")).rejects.toBeInstanceOf(StoredObjectMissingError);
    });

    it("remove deletes the object and removing it again is not an error", async () => {
      await fx.store.put("aa/ee/gone", Buffer.from("x"));
      await fx.store.remove("aa/ee/gone");
      await fx.store.remove("aa/ee/gone");
      await expect(fx.store.get("aa/ee/gone")).rejects.toBeInstanceOf(StoredObjectMissingError);
    });

    it("list yields every stored key once with a plausible last-modified time", async () => {
      const before = Date.now() - 60_000;
      await fx.store.put("ab/01/listed-1", Buffer.from("1"));
      await fx.store.put("ab/02/listed-2", Buffer.from("2"));
      const seen: { key: string; lastModified: Date }[] = [];
      for await (const o of fx.store.list()) seen.push(o);
      const keys = seen.map((o) => o.key);
      expect(keys).toEqual(expect.arrayContaining(["ab/01/listed-1", "ab/02/listed-2", "aa/bb/text"]));
      expect(keys).not.toContain("aa/ee/gone");
      expect(new Set(keys).size).toBe(keys.length);
      const listed = seen.find((o) => o.key === "ab/01/listed-1")!;
      expect(listed.lastModified.getTime()).toBeGreaterThan(before);
      expect(listed.lastModified.getTime()).toBeLessThan(Date.now() + 60_000);
    });
  });
}
