import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "@/db/migrate";
import * as schema from "@/db/schema";
import { seedDemoData } from "@/lib/server/seed/demo";
import { backupInstallation, restoreInstallation } from "@/lib/server/backup";
import { claimCertificate } from "@/lib/services/documents/claim-certificate";
import { readFile } from "@/lib/services/documents/read-file";
import { lookupCertificate, verifyUploadedCertificate } from "@/lib/services/documents/verify-certificate";
import type { Actor } from "@/lib/services/actor";
import { freshDatabase } from "../support/fresh-database";

const cleanups: (() => Promise<void> | void)[] = [];
const previousDataDir = process.env.PORTAL_DATA_DIR;
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  if (previousDataDir === undefined) delete process.env.PORTAL_DATA_DIR;
  else process.env.PORTAL_DATA_DIR = previousDataDir;
});

async function installation(tag: string) {
  const fresh = await freshDatabase(tag);
  const pool = new pg.Pool({ connectionString: fresh.url });
  const db = drizzle(pool, { schema });
  await migrateDatabase(db);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `portal-${tag}-`));
  cleanups.push(async () => {
    await pool.end();
    await fresh.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return { pool, db, dataDir };
}

describe("backup and restore onto a fresh machine", () => {
  it("restores database, stored files and keys into a new data directory: an old certificate still " +
    "verifies", async () => {
    // The old machine: demo data, and a certificate claimed (signed with its CA and stored in its data directory).
    const old = await installation("bkold");
    process.env.PORTAL_DATA_DIR = old.dataDir;
    await seedDemoData(old.db);
    const [account] = await old.db
      .select()
      .from(schema.userAccounts)
      .where(
        and(
          eq(schema.userAccounts.role, "applicant"),
          eq(schema.userAccounts.loginName, "resident_id:330102196711080011"),
        ),
      );
    const zheng: Actor = {
      userId: account!.id,
      role: "applicant",
      displayName: account!.displayName,
      personId: account!.personId,
    };
    const [reg] = await old.db
      .select()
      .from(schema.registrations)
      .where(eq(schema.registrations.personId, zheng.personId!));
    const certId = await claimCertificate(old.db, zheng, reg!.id, "https://zhuce.example.gov.cn");
    const certificate = (await readFile(old.db, zheng, certId)).bytes;

    const archive = path.join(old.dataDir, "..", `portal-backup-${Date.now()}.tar`);
    cleanups.push(() => fs.rmSync(archive, { force: true }));
    const manifest = await backupInstallation(old.pool, old.dataDir, archive);
    expect(manifest.tables.user_accounts).toBeGreaterThan(10);
    expect(manifest.tables.files).toBeGreaterThanOrEqual(1);

    // The new machine: an empty database and an empty data directory.
    const fresh = await installation("bknew");
    await restoreInstallation(fresh.pool, fresh.dataDir, archive);
    process.env.PORTAL_DATA_DIR = fresh.dataDir;

    expect(fs.readdirSync(path.join(fresh.dataDir, "pki")).length).toBeGreaterThan(0);
    expect(Buffer.from((await readFile(fresh.db, zheng, certId)).bytes).equals(Buffer.from(certificate))).toBe(true);
    const verdict = await verifyUploadedCertificate(fresh.db, certificate);
    expect(verdict).toMatchObject({ ok: true, signatureValid: true, matchesRegister: true, isCurrentIssue: true });
    expect(await lookupCertificate(fresh.db, reg!.registrationNo)).toMatchObject({ status: "valid" });
    // Counters continue after the restored rows: a new security event gets the next id, no duplicate key.
    await fresh.db.insert(schema.securityEvents).values({ kind: "logout", detail: {} });

    // Never over an installation: a second restore into the same place is refused in one sentence.
    await expect(restoreInstallation(fresh.pool, fresh.dataDir, archive)).rejects.toThrow(/只能写入新的数据目录/);
  }, 180_000);
});
