import pg from "pg";
import { SERVER_URL } from "../global-setup";

/** An empty database of its own (not the run's seeded one), dropped by the returned function. */
export async function freshDatabase(tag: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `portal_${tag}_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(SERVER_URL);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: () => dropDatabaseWhenFree(name),
  };
}

/**
 * Drops a test's own database once its connections are gone. `pool.end()` resolves before the sockets have closed;
 * dropping WITH (FORCE) at that moment terminates those backends, and the FATAL they send reaches clients the pool has
 * already let go of — an unhandled error that fails the run although every test passed. So wait for them instead.
 */
export async function dropDatabaseWhenFree(name: string): Promise<void> {
  const c = new pg.Client({ connectionString: SERVER_URL });
  await c.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`drop database if exists ${name}`);
        return;
      } catch (e) {
        // 55006: the database is still being accessed by other users (our closing connections).
        if ((e as { code?: string }).code !== "55006" || attempt >= 100) throw e;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  } finally {
    await c.end();
  }
}
