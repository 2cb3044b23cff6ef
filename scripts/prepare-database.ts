import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { closeDb, getDb } from "@/db/client";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/db/embedded";
import { syncReferenceData } from "@/db/reference/sync";
import { seedDemoData } from "@/lib/server/seed/demo";
import { enableAppLogin, grantJobSchema, servingRoleProblem } from "@/lib/server/app-role";
import { configuredSecret, mayMintNodeLocalKeys } from "@/lib/server/pki/key-source";
import { ConfigurationError } from "@/lib/server/configuration-error";
import { installJobQueue } from "@/lib/server/jobs/queue";
import { loadReferenceData } from "@/lib/server/reference-files";
import { checkWritableDirectory, explainDatabaseError } from "@/lib/server/startup-checks";
import { migrateAndSealAuditEpochs } from "@/lib/server/audit/epochs";
import { PORTAL_JOBS } from "@/lib/services/jobs/schedule";

export const DATA_DIR = path.resolve(process.env.PORTAL_DATA_DIR ?? ".data");

/** Demo data is written unless SEED_DEMO_DATA=0 — the switch between a demo and a real installation. */
export function demoMode(): boolean {
  return process.env.SEED_DEMO_DATA !== "0";
}

/**
 * Connects as the database OWNER — DATABASE_OWNER_URL, else DATABASE_URL, else the embedded server it starts — and
 * sets process.env.DATABASE_URL to that connection. The operator commands (backup, restore, admin:create) run as the
 * owner; the start then switches to the app role (prepareDatabase).
 */
export async function connectDatabase(): Promise<EmbeddedDatabase | undefined> {
  checkWritableDirectory(DATA_DIR);
  if (process.env.DATABASE_OWNER_URL) {
    process.env.DATABASE_URL = process.env.DATABASE_OWNER_URL;
    return undefined;
  }
  if (process.env.DATABASE_URL) return undefined;
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const embedded = await startEmbeddedPostgres(DATA_DIR, port);
  process.env.DATABASE_URL = embedded.url;
  console.log(`嵌入式 PostgreSQL 已启动（数据目录 ${path.join(DATA_DIR, "pg")}，端口 ${port}）`);
  return embedded;
}

/**
 * The connection the portal serves with (ASVS V1.4.x): DATABASE_URL when DATABASE_OWNER_URL names a separate owner
 * (the operator created the login; we only check it), otherwise portal_app logging in with DATABASE_APP_PASSWORD or a
 * password generated into the data directory.
 */
async function appConnection(ownerUrl: string, configuredAppUrl: string | undefined): Promise<string> {
  if (configuredAppUrl) return configuredAppUrl;
  const configured = configuredSecret("DATABASE_APP_PASSWORD");
  if (!configured && !mayMintNodeLocalKeys()) {
    throw new ConfigurationError(
      "多节点部署（STORAGE_BACKEND=s3 或 PORTAL_CLUSTER=1）需要各节点相同的 DATABASE_APP_PASSWORD，或设置 DATABASE_OWNER_URL 与 " +
        "DATABASE_URL（portal_app 的连接），见 docs/deploy.md。",
    );
  }
  return enableAppLogin(ownerUrl, configured ?? installationSecret("db-app-password"));
}

/**
 * Gets a database ready for the portal: the server named by DATABASE_OWNER_URL/DATABASE_URL, or else the embedded one
 * under .data/. As the owner: migrates (sealing the audit epochs in the run that creates them), applies reference data
 * (every start), seeds demo data if asked and never done, installs the job queue's schema. Then sets
 * process.env.DATABASE_URL to the app role's connection and refuses to serve if that role could rewrite the audit
 * trail. Connection problems come back as one-sentence ConfigurationErrors (lib/server/startup-checks.ts).
 */
export async function prepareDatabase(): Promise<{
  embedded?: EmbeddedDatabase;
  seeded: boolean;
  referenceChanges: number;
}> {
  const configuredAppUrl = process.env.DATABASE_OWNER_URL ? process.env.DATABASE_URL : undefined;
  if (process.env.DATABASE_OWNER_URL && !configuredAppUrl) {
    throw new ConfigurationError(
      "设置了 DATABASE_OWNER_URL（迁移用的属主连接）时，还需设置 DATABASE_URL（门户运行用的 portal_app 连接），见 docs/deploy.md。",
    );
  }
  const embedded = await connectDatabase();
  const ownerUrl = process.env.DATABASE_URL!;
  const db = getDb();
  try {
    await db.execute("select 1");
    await migrateAndSealAuditEpochs(db);
    const referenceChanges = await syncReferenceData(db, loadReferenceData());
    const seeded = demoMode() ? await seedDemoData(db) : false;
    await installJobQueue(PORTAL_JOBS, ownerUrl);
    await grantJobSchema(db);
    const appUrl = await appConnection(ownerUrl, configuredAppUrl);
    const problem = await servingRoleProblem(appUrl).catch((e: unknown) => {
      throw explainDatabaseError(e, appUrl);
    });
    if (problem) {
      throw new ConfigurationError(
        `${problem}：门户不能以可改写审计记录的身份运行。请让 DATABASE_URL 使用 portal_app（或其成员）角色，迁移用 DATABASE_OWNER_URL，见 docs/deploy.md。`,
      );
    }
    process.env.DATABASE_URL = appUrl;
    return { embedded, seeded, referenceChanges };
  } catch (e) {
    await embedded?.stop().catch(() => {});
    throw explainDatabaseError(e, ownerUrl);
  } finally {
    await closeDb().catch(() => {});
  }
}

/** A secret generated once per installation and kept in .data/ (never in the repository). */
export function installationSecret(name: string): string {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const file = path.join(DATA_DIR, name);
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}
