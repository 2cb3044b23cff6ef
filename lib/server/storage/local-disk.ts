import fs from "node:fs/promises";
import path from "node:path";
import { StoredObjectMissingError, type ObjectStore, type StoredObjectInfo } from "./object-store";

/**
 * Files under one directory on this node's disk (`${PORTAL_DATA_DIR}/files` by default), outside `public/`, so nothing
 * is reachable except through the route that checks permission. Right for one machine; with several app nodes use
 * the S3 store instead (or a shared filesystem mounted at the same path on every node).
 */
export function localDiskStore(rootDir: string): ObjectStore {
  const root = path.resolve(/*turbopackIgnore: true*/ rootDir);
  const fileOf = (key: string) => {
    const file = path.resolve(root, key);
    // Keys come from storeBytes, but never let one escape the root.
    if (!file.startsWith(root + path.sep)) throw new Error("invalid storage key");
    return file;
  };
  return {
    kind: "local",
    async put(key, bytes) {
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Write then rename: a reader never sees half a file, even if this process dies mid-write.
      const tmp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(tmp, bytes, { mode: 0o600 });
      await fs.rename(tmp, file);
    },
    async get(key) {
      try {
        return await fs.readFile(fileOf(key));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new StoredObjectMissingError(key);
        throw e;
      }
    },
    async remove(key) {
      await fs.rm(fileOf(key), { force: true });
    },
    async *list(): AsyncIterable<StoredObjectInfo> {
      let entries: string[];
      try {
        entries = await fs.readdir(root, { recursive: true });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
        throw e;
      }
      for (const rel of entries) {
        if (rel.endsWith(".tmp")) continue;
        const stat = await fs.stat(path.join(root, rel)).catch(() => null);
        if (!stat?.isFile()) continue;
        yield { key: rel.split(path.sep).join("/"), lastModified: stat.mtime };
      }
    },
  };
}
