/**
 * Backup and restore of one installation: the database rows, the stored files and the keys (PKI root CA, key-encryption
 * key, session secret, reference files) in one archive, restorable onto a fresh machine.
 *
 * The database part is a logical dump made through the driver (one JSON line per row, table by table) rather than
 * pg_dump: the embedded server is PostgreSQL 18 and ships no pg_dump, and a machine's pg_dump refuses newer servers.
 * Restore migrates the fresh database to the current schema, then loads the rows with triggers and foreign-key checks
 * suspended (session_replication_role = replica, which needs a superuser: the embedded one is).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import zlib from "node:zlib";
import type pg from "pg";
import { ConfigurationError } from "./configuration-error";

const FORMAT = "portal-backup/1";
const PAGE = 2000;
/** Parts of the data directory that belong to the embedded server itself, not to the installation. */
const NOT_BACKED_UP = ["pg", "pg-password"];

interface Manifest {
  format: typeof FORMAT;
  createdAt: string;
  tables: Record<string, number>;
  migrations: number;
}

async function tables(client: pg.PoolClient): Promise<string[]> {
  const res = await client.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE " +
      "TABLE' order by table_name",
  );
  return res.rows.map((r) => r.name);
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Writes `<out>` (a tar file) holding manifest.json, database.jsonl.gz and files.tar.gz. Returns the row counts. */
export async function backupInstallation(pool: pg.Pool, dataDir: string, out: string): Promise<Manifest> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "portal-backup-"));
  try {
    const client = await pool.connect();
    const manifest: Manifest = { format: FORMAT, createdAt: new Date().toISOString(), tables: {}, migrations: 0 };
    try {
      // One snapshot for every table: the dump is consistent even while the portal keeps running.
      await client.query("begin isolation level repeatable read read only");
      const gz = zlib.createGzip();
      const file = fs.createWriteStream(path.join(work, "database.jsonl.gz"));
      gz.pipe(file);
      for (const table of await tables(client)) {
        let count = 0;
        let after = "(0,0)";
        for (;;) {
          const res = await client.query<{ c: string; r: unknown }>(
            `select ctid::text as c, row_to_json(t) as r from ${ident(table)} t ` +
              `where ctid > $1::tid order by ctid limit ${PAGE}`,
            [after],
          );
          for (const row of res.rows) {
            if (!gz.write(`${JSON.stringify({ t: table, r: row.r })}\n`)) await new Promise((r) => gz.once("drain", r));
          }
          count += res.rows.length;
          if (res.rows.length < PAGE) break;
          after = res.rows[res.rows.length - 1]!.c;
        }
        manifest.tables[table] = count;
      }
      const m = await client.query<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations");
      manifest.migrations = m.rows[0]?.n ?? 0;
      await client.query("commit");
      await new Promise<void>((resolve, reject) => {
        file.on("finish", resolve).on("error", reject);
        gz.end();
      });
    } finally {
      client.release();
    }
    fs.writeFileSync(path.join(work, "manifest.json"), JSON.stringify(manifest, null, 2));
    fs.mkdirSync(dataDir, { recursive: true });
    const excludes = NOT_BACKED_UP.flatMap((p) => ["--exclude", `./${p}`]);
    execFileSync("tar", ["-czf", path.join(work, "files.tar.gz"), ...excludes, "-C", dataDir, "."]);
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    execFileSync("tar", ["-cf", path.resolve(out), "-C", work, "manifest.json", "database.jsonl.gz", "files.tar.gz"]);
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Restores an archive into `dataDir` and the (migrated, empty) database behind `pool`. Refuses to overwrite: the data
 * directory must hold no keys yet and the database no accounts, so a restore never mixes two installations.
 */
export async function restoreInstallation(pool: pg.Pool, dataDir: string, archive: string): Promise<Manifest> {
  if (!fs.existsSync(archive)) throw new ConfigurationError(`找不到备份文件 ${archive}。`);
  if (fs.existsSync(path.join(dataDir, "pki"))) {
    throw new ConfigurationError(
      `数据目录 ${dataDir} 中已有密钥（pki），恢复只能写入新的数据目录：请用 PORTAL_DATA_DIR 指定一个空目录。`,
    );
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "portal-restore-"));
  try {
    execFileSync("tar", ["-xf", archive, "-C", work]);
    const manifest = JSON.parse(fs.readFileSync(path.join(work, "manifest.json"), "utf8")) as Manifest;
    if (manifest.format !== FORMAT) throw new ConfigurationError(`${archive} 不是本平台的备份文件。`);

    const client = await pool.connect();
    try {
      const existing = await client.query<{ n: number }>("select count(*)::int as n from user_accounts");
      if ((existing.rows[0]?.n ?? 0) > 0) {
        throw new ConfigurationError(
          "目标数据库中已有账号数据，恢复只能写入新的空数据库：请新建数据库（或不设 DATABASE_URL 用新的数据目录）后重试。",
        );
      }
      await client.query("begin");
      await client.query("set local session_replication_role = replica");
      // Reference data applied by a start before the restore is replaced by the backup's own rows.
      const present = await tables(client);
      await client.query(`truncate ${present.map(ident).join(", ")}`);
      const lines = readline.createInterface({
        input: fs.createReadStream(path.join(work, "database.jsonl.gz")).pipe(zlib.createGunzip()),
      });
      let batch: { t: string; rows: unknown[] } | undefined;
      const flush = async () => {
        if (!batch || batch.rows.length === 0) return;
        const cols = Object.keys(batch.rows[0] as object)
          .map(ident)
          .join(", ");
        await client.query(
          `insert into ${ident(batch.t)} (${cols}) ` +
            `select ${cols} from json_populate_recordset(null::${ident(batch.t)}, $1::json)`,
          [JSON.stringify(batch.rows)],
        );
        batch.rows = [];
      };
      for await (const line of lines) {
        if (!line) continue;
        const { t, r } = JSON.parse(line) as { t: string; r: unknown };
        if (!present.includes(t))
          throw new ConfigurationError(`备份中的表 ${t} 在当前版本中不存在：请用与备份相同或更新的版本恢复。`);
        if (batch?.t !== t) {
          await flush();
          batch = { t, rows: [] };
        }
        batch.rows.push(r);
        if (batch.rows.length >= 500) await flush();
      }
      await flush();
      // bigserial counters continue after the restored rows.
      const seqs = await client.query<{ t: string; c: string; s: string }>(
        `select table_name as t, column_name as c, pg_get_serial_sequence(quote_ident(table_name), column_name) as s
           from information_schema.columns where table_schema = 'public' and column_default like 'nextval(%'`,
      );
      for (const { t, c, s } of seqs.rows) {
        await client.query(`select setval($1, coalesce((select max(${ident(c)}) from ${ident(t)}), 0) + 1, false)`, [
          s,
        ]);
      }
      await client.query("commit");
    } catch (e) {
      await client.query("rollback").catch(() => {});
      if ((e as { code?: string }).code === "42501") {
        throw new ConfigurationError(
          "恢复需要数据库超级用户权限（用于暂停外键检查）：请用超级用户的 DATABASE_URL 运行恢复命令。",
        );
      }
      throw e;
    } finally {
      client.release();
    }
    fs.mkdirSync(dataDir, { recursive: true });
    execFileSync("tar", ["-xzf", path.join(work, "files.tar.gz"), "-C", dataDir]);
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
