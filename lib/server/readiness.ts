/**
 * What /readyz reports: the database answers, every committed migration is applied, and file storage is writable.
 * A load balancer sends traffic only to an instance where all three hold.
 */
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { MIGRATIONS_FOLDER } from "@/db/migrate";

export interface ReadinessCheck {
  name: "database" | "migrations" | "storage";
  ok: boolean;
  detail?: string;
}

function committedMigrations(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

async function checkDatabase(): Promise<ReadinessCheck[]> {
  try {
    await getDb().execute(sql`select 1`);
  } catch (e) {
    return [
      { name: "database", ok: false, detail: (e as Error).message },
      { name: "migrations", ok: false, detail: "database unreachable" },
    ];
  }
  try {
    const res = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    const applied = Number(res.rows[0]?.n ?? 0);
    const expected = committedMigrations();
    return [
      { name: "database", ok: true },
      { name: "migrations", ok: applied >= expected, detail: `${applied}/${expected} applied` },
    ];
  } catch (e) {
    return [
      { name: "database", ok: true },
      { name: "migrations", ok: false, detail: (e as Error).message },
    ];
  }
}

function checkStorage(): ReadinessCheck {
  // The local file store (lib/server/storage.ts keeps bytes under PORTAL_DATA_DIR/files).
  const dir = path.resolve(/*turbopackIgnore: true*/ process.env.PORTAL_DATA_DIR ?? ".data", "files");
  try {
    fs.mkdirSync(dir, { recursive: true });
    const probe = path.join(dir, `.ready-${process.pid}`);
    fs.writeFileSync(probe, "");
    fs.rmSync(probe);
    return { name: "storage", ok: true };
  } catch (e) {
    return { name: "storage", ok: false, detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  }
}

export async function readiness(): Promise<{ ready: boolean; checks: ReadinessCheck[] }> {
  const checks = [...(await checkDatabase()), checkStorage()];
  return { ready: checks.every((c) => c.ok), checks };
}
