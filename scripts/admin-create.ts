/**
 * `npm run admin:create -- --username NAME --name 姓名 [--password ...]` (or `node dist/admin-create.mjs …`):
 * creates an administrator on the configured database (DATABASE_URL, or the embedded one under PORTAL_DATA_DIR).
 * Without --password it prints a one-time password that must be changed at the first sign-in.
 */
import { parseArgs } from "node:util";
import { closeDb, getDb } from "@/db/client";
import { ConfigurationError } from "@/lib/server/configuration-error";
import { exitOnConfigurationError, explainDatabaseError } from "@/lib/server/startup-checks";
import { ServiceError } from "@/lib/services/errors";
import { createAdministrator } from "@/lib/services/admin/create-administrator";
import { migrateAndSealAuditEpochs } from "@/lib/server/audit/epochs";
import { connectDatabase } from "./prepare-database";
import { settleSecret } from "./node-secrets";

const { values } = parseArgs({
  options: { username: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
  allowPositionals: false,
});

try {
  if (!values.username || !values.name) {
    throw new ConfigurationError("用法：npm run admin:create -- --username 用户名 --name 姓名 [--password 密码]");
  }
  // admin_created is chained like every security event: with the installation's audit key, never a default.
  settleSecret("AUDIT_HMAC_KEY");
  const embedded = await connectDatabase();
  try {
    const db = getDb();
    // The first administrator may be created before the first start: bring the schema up to date first (as the start
    // does, sealing the audit epochs if this run creates them).
    await migrateAndSealAuditEpochs(db).catch((e: unknown) => {
      throw explainDatabaseError(e, process.env.DATABASE_URL!);
    });
    const created = await createAdministrator(db, {
      username: values.username,
      displayName: values.name,
      password: values.password,
    });
    console.log(`已创建管理员 ${created.username}，在 /login/staff 登录。`);
    if (created.mustChangePassword)
      console.log(`一次性密码：${created.password}（首次登录后须设置新密码；此密码不会再次显示）`);
  } finally {
    await closeDb();
    await embedded?.stop();
  }
} catch (e) {
  exitOnConfigurationError(
    e instanceof ServiceError
      ? new ConfigurationError(e.message)
      : explainDatabaseError(e, process.env.DATABASE_URL ?? ""),
  );
}
