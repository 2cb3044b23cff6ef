import type { TestProject } from "vitest/node";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { closeDb, getDb } from "@/db/client";
import { seedDemoData } from "@/lib/server/seed/demo";
import { migrateAndSealAuditEpochs } from "@/lib/server/audit/epochs";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** Server the tests create their database on: the machine's PostgreSQL unless TEST_DATABASE_URL says otherwise. */
export const SERVER_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh database per run: migrated and seeded exactly as `npm start` does, dropped afterwards. */
export default async function setup(project: TestProject) {
  const name = `portal_it_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();

  const url = withDatabase(SERVER_URL, name);
  process.env.DATABASE_URL = url;
  // The seed stores the demo people's photos and signatures: keep them out of the working tree's .data/.
  process.env.PORTAL_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "portal-it-"));
  await migrateAndSealAuditEpochs(getDb());
  await seedDemoData(getDb());
  await closeDb();
  project.provide("databaseUrl", url);

  return async () => {
    const client = new pg.Client({ connectionString: SERVER_URL });
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  };
}
