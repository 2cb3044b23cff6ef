/**
 * `npm run backup -- [--out FILE]` (or `node dist/backup.mjs`): one archive with the database rows, the stored files
 * and the keys of this installation (DATABASE_URL or the embedded database, PORTAL_DATA_DIR). Safe while the portal
 * runs (one consistent snapshot) — but with the embedded database, stop the portal first: both would start it.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDb, getPool } from "@/db/client";
import { backupInstallation } from "@/lib/server/backup";
import { exitOnConfigurationError, explainDatabaseError } from "@/lib/server/startup-checks";
import { connectDatabase, DATA_DIR } from "./prepare-database";

const { values } = parseArgs({ options: { out: { type: "string" } } });
const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-");
const out = path.resolve(values.out ?? `portal-backup-${stamp}.tar`);

try {
  const embedded = await connectDatabase();
  try {
    const manifest = await backupInstallation(getPool(), DATA_DIR, out).catch((e: unknown) => {
      throw explainDatabaseError(e, process.env.DATABASE_URL!);
    });
    const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
    console.log(
      `已备份到 ${out}（${Object.keys(manifest.tables).length} 张表共 ${rows} 行，以及 ${DATA_DIR} 中的文件和密钥）。`,
    );
  } finally {
    await closeDb();
    await embedded?.stop();
  }
} catch (e) {
  exitOnConfigurationError(e);
}
