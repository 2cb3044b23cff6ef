/**
 * `npm run restore -- FILE` (or `node dist/restore.mjs FILE`): restores a backup onto a fresh machine — into an empty
 * PORTAL_DATA_DIR and an empty database (DATABASE_URL, or the embedded one it creates there). Start the portal after.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDb, getDb, getPool } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { ConfigurationError } from "@/lib/server/configuration-error";
import { restoreInstallation } from "@/lib/server/backup";
import { exitOnConfigurationError, explainDatabaseError } from "@/lib/server/startup-checks";
import { recordEpochsOfRestoredBackup } from "@/lib/server/audit/epochs";
import { connectDatabase, DATA_DIR } from "./prepare-database";
import { settleSecret } from "./node-secrets";

const { positionals } = parseArgs({ allowPositionals: true });

try {
  if (!positionals[0]) throw new ConfigurationError("用法：npm run restore -- 备份文件.tar");
  const archive = path.resolve(positionals[0]);
  const embedded = await connectDatabase();
  try {
    await migrateDatabase(getDb()).catch((e: unknown) => {
      throw explainDatabaseError(e, process.env.DATABASE_URL!);
    });
    const manifest = await restoreInstallation(getPool(), DATA_DIR, archive);
    // The audit key came back with the data directory; a backup from before the audit epochs gets them sealed now.
    settleSecret("AUDIT_HMAC_KEY");
    await recordEpochsOfRestoredBackup(getDb());
    console.log(`已从 ${archive}（${manifest.createdAt} 的备份）恢复到 ${DATA_DIR} 和数据库；现在可以启动门户。`);
  } finally {
    await closeDb();
    await embedded?.stop();
  }
} catch (e) {
  exitOnConfigurationError(e);
}
