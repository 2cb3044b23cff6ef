import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { closeDb, getDb } from "@/db/client";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { syncReferenceData } from "@/db/reference/sync";
import { seedDemoData } from "@/lib/server/seed/demo";
import { loadReferenceData } from "@/lib/server/reference-files";
import { checkWritableDirectory, explainDatabaseError } from "@/lib/server/startup-checks";

export const DATA_DIR = path.resolve(process.env.PORTAL_DATA_DIR ?? ".data");

/** Demo data is written unless SEED_DEMO_DATA=0 — the switch between a demo and a real installation. */
export function demoMode(): boolean {
  return process.env.SEED_DEMO_DATA !== "0";
}

/** Starts the embedded PostgreSQL unless DATABASE_URL names a server; sets process.env.DATABASE_URL. */
export async function connectDatabase(): Promise<EmbeddedDatabase | undefined> {
  checkWritableDirectory(DATA_DIR);
  if (process.env.DATABASE_URL) return undefined;
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const embedded = await startEmbeddedPostgres(DATA_DIR, port);
  process.env.DATABASE_URL = embedded.url;
  console.log(`嵌入式 PostgreSQL 已启动（数据目录 ${path.join(DATA_DIR, "pg")}，端口 ${port}）`);
  return embedded;
}

/**
 * Gets a database ready for the portal: the server named by DATABASE_URL, or else the embedded one under .data/.
 * Migrates, applies reference data (every start), then seeds demo data if asked and never done.
 * Connection problems come back as one-sentence ConfigurationErrors (lib/server/startup-checks.ts).
 */
export async function prepareDatabase(): Promise<{ embedded?: EmbeddedDatabase; seeded: boolean; referenceChanges: number }> {
  const embedded = await connectDatabase();
  const db = getDb();
  try {
    await db.execute("select 1");
    await migrateDatabase(db);
    const referenceChanges = await syncReferenceData(db, loadReferenceData());
    const seeded = demoMode() ? await seedDemoData(db) : false;
    return { embedded, seeded, referenceChanges };
  } catch (e) {
    await embedded?.stop().catch(() => {});
    throw explainDatabaseError(e, process.env.DATABASE_URL!);
  } finally {
    await closeDb().catch(() => {});
  }
}

/** A secret generated once per installation and kept in .data/ (never in the repository). */
export function installationSecret(name: string): string {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const file = path.join(DATA_DIR, name);
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}
