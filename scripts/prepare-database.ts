import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { closeDb, getDb } from "@/db/client";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoData } from "@/db/seed/demo";

export const DATA_DIR = path.resolve(process.env.PORTAL_DATA_DIR ?? ".data");

/**
 * Gets a database ready for the portal: the server named by DATABASE_URL, or else the embedded one under .data/.
 * Migrates, then seeds demo data if the database has never been seeded. Sets process.env.DATABASE_URL.
 */
export async function prepareDatabase(): Promise<{ embedded?: EmbeddedDatabase; seeded: boolean }> {
  let embedded: EmbeddedDatabase | undefined;
  if (!process.env.DATABASE_URL) {
    const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
    embedded = await startEmbeddedPostgres(DATA_DIR, port);
    process.env.DATABASE_URL = embedded.url;
    console.log(`嵌入式 PostgreSQL 已启动（数据目录 ${path.join(DATA_DIR, "pg")}，端口 ${port}）`);
  }
  const db = getDb();
  await migrateDatabase(db);
  const seeded = process.env.SEED_DEMO_DATA === "0" ? false : await seedDemoData(db);
  await closeDb();
  return { embedded, seeded };
}

/** A secret generated once per installation and kept in .data/ (never in the repository). */
export function installationSecret(name: string): string {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const file = path.join(DATA_DIR, name);
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}
