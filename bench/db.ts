/** Opens (creating, migrating and seeding when needed) a benchmark database on the test server, and fills it. */
import pg from "pg";
import { getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoData } from "@/lib/server/seed/demo";
import { benchRowCount, fillBenchData, type BenchScale } from "./data";

const SERVER = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export const FULL_SCALE: BenchScale = { applications: 1_000_000, people: 300_000, employers: 6_000 };

export async function openBenchDb(
  name: string,
  scale: BenchScale,
  opts: { reset?: boolean; log?: (m: string) => void } = {},
) {
  const log = opts.log ?? ((m: string) => console.log(m));
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  if (opts.reset) await admin.query(`drop database if exists "${name}" with (force)`);
  const exists = (await admin.query("select 1 from pg_database where datname = $1", [name])).rowCount;
  if (!exists) await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  const db = getDb();
  await migrateDatabase(db);
  await seedDemoData(db);
  if ((await benchRowCount(db)) === 0) {
    const t = Date.now();
    log(
      `filling ${name}: ${scale.applications.toLocaleString()} applications, ${scale.people.toLocaleString()} people …`,
    );
    await fillBenchData(db, scale, log);
    log(`filled in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  return db;
}
