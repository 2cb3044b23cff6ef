import { inject } from "vitest";
import { getDb, getPool } from "@/db/client";

/** The run's fresh, migrated and seeded database (see global-setup.ts). */
export function testDb() {
  process.env.DATABASE_URL = inject("databaseUrl");
  return getDb();
}

export function testPool() {
  process.env.DATABASE_URL = inject("databaseUrl");
  return getPool();
}

/** Drizzle wraps driver errors ("Failed query: …"); PostgreSQL's own message is on `cause`. */
export async function dbErrorMessage(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    const err = e as { message?: string; cause?: { message?: string } };
    return `${err.message ?? ""} ${err.cause?.message ?? ""}`;
  }
  throw new Error("expected the database to refuse, but the statement succeeded");
}
