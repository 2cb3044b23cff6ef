import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema";

export type Database = NodePgDatabase<typeof schema>;
/** A transaction handle; services take `Database | Transaction` so they compose inside one transaction. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Executor = Database | Transaction;

type Holder = { pool?: pg.Pool; db?: Database; url?: string };
// One pool per process, kept on globalThis so Next's dev reloads don't open a new pool per edit.
const processGlobal = globalThis as { __portalDb?: Holder };
processGlobal.__portalDb ??= {};
const holder = processGlobal.__portalDb;

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start the portal with `npm start` (it starts an embedded PostgreSQL) or set " +
        "DATABASE_URL.",
    );
  }
  return url;
}

export function getPool(): pg.Pool {
  const url = databaseUrl();
  if (!holder.pool || holder.url !== url) {
    void holder.pool?.end();
    holder.pool = new pg.Pool({ connectionString: url, max: Number(process.env.DB_POOL_MAX ?? 10) });
    holder.db = drizzle(holder.pool, { schema });
    holder.url = url;
  }
  return holder.pool;
}

export function getDb(): Database {
  getPool();
  return holder.db!;
}

export async function closeDb(): Promise<void> {
  const pool = holder.pool;
  holder.pool = undefined;
  holder.db = undefined;
  holder.url = undefined;
  await pool?.end();
}
