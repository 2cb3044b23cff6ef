/**
 * Issue 9 item 5: an audit trail the database owner cannot rewrite unnoticed. Runs on a database of its own — the
 * run's shared database carries rows other test files tampered with on purpose — migrated and seeded as the start does.
 */
import { desc, eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import * as schema from "@/db/schema";
import { seedDemoData } from "@/lib/server/seed/demo";
import { verifyAuditTrail } from "@/lib/queries/audit-verification";
import { enableAppLogin, grantJobSchema, servingRoleProblem } from "@/lib/server/app-role";
import { installJobQueue, startJobQueue } from "@/lib/server/jobs/queue";
import { PORTAL_JOBS } from "@/lib/services/jobs/schedule";
import { logSecurityEvent } from "@/lib/server/security-events";
import { signIn } from "@/lib/services/accounts/sign-in";
import { migrateAndSealAuditEpochs, sealAuditEpochs } from "@/lib/server/audit/epochs";
import { GENESIS_HASH, legacyEventHash } from "@/lib/server/audit/hash-chain";
import { filedInitialApplication, freshApplicant } from "../engine/fixtures";
import { freshDatabase } from "../support/fresh-database";

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let pool: pg.Pool;
let db: Database;

beforeAll(async () => {
  fresh = await freshDatabase("audit");
  pool = new pg.Pool({ connectionString: fresh.url, max: 3 });
  db = drizzle(pool, { schema });
  await migrateAndSealAuditEpochs(db);
  await seedDemoData(db);
}, 120_000);

afterAll(async () => {
  await pool?.end();
  await fresh?.drop();
});

/** What someone holding the database (its owner, a superuser) can do: switch the append-only triggers off and edit. */
async function asOwner(statement: ReturnType<typeof sql>) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table application_events disable trigger user`);
    await tx.execute(sql`alter table security_events disable trigger user`);
    await tx.execute(statement);
    await tx.execute(sql`alter table application_events enable trigger user`);
    await tx.execute(sql`alter table security_events enable trigger user`);
  });
}

const stream = (r: Awaited<ReturnType<typeof verifyAuditTrail>>, name: "application_events" | "security_events") =>
  r.streams.find((s) => s.stream === name)!;

async function fileOne() {
  const who = await freshApplicant(db, {
    programCode: "cost2-sh",
    specialty: "1",
    employerUscc: "91310000MA1FL0001R",
    provinceCode: "31",
  });
  return filedInitialApplication(db, who, "cost2-sh", "1");
}

describe("the app's database role (ASVS V1.4.x, V8.x)", () => {
  const title1 =
    "V1.4.4 portal_app may read and append events but cannot change, remove, truncate or un-trigger " + "them";
  it(title1, async () => {
    const appUrl = await enableAppLogin(fresh.url, "integration-test-only");
    expect(await servingRoleProblem(appUrl)).toBeNull();
    expect(await servingRoleProblem(fresh.url)).toMatch(/超级用户/); // the start refuses to serve as the owner

    const app = new pg.Client({ connectionString: appUrl });
    await app.connect();
    try {
      expect((await app.query("select current_user as u")).rows[0].u).toBe("portal_app");
      await app.query("select count(*) from application_events");
      await app.query("select count(*) from security_events");
      // /readyz compares applied with committed migrations: the journal is readable, not writable.
      await app.query("select count(*) from drizzle.__drizzle_migrations");
      for (const statement of [
        "delete from drizzle.__drizzle_migrations",
        "update application_events set opinion = '篡改'",
        "delete from application_events",
        "truncate application_events",
        "update security_events set kind = 'login_ok'",
        "delete from security_events",
        "truncate security_events",
        "alter table application_events disable trigger user",
        "alter table security_events disable trigger all",
        "alter table application_events add column x int",
        "drop trigger application_events_no_update on application_events",
        "set session_replication_role = replica",
        "update audit_chain_epochs set seal = null",
        "create table public.evil (x int)",
      ]) {
        await expect(app.query(statement), statement).rejects.toThrow(/permission denied|must be owner/);
      }
    } finally {
      await app.end();
    }
  });

  it("V1.4.4 the job queue runs as portal_app once the owner installed its schema at the start", async () => {
    await installJobQueue(PORTAL_JOBS, fresh.url);
    await grantJobSchema(db);
    // Schedules fire through pg-boss's own cron queue, which portal_app could not create: the owner did.
    const cronQueue = await db.execute(sql`select 1 from pgboss.queue where name = '__pgboss__send-it'`);
    expect(cronQueue.rows).toHaveLength(1);
    const appUrl = await enableAppLogin(fresh.url, "integration-test-only");
    const queue = await startJobQueue(PORTAL_JOBS, { connectionString: appUrl, work: false, log: () => {} });
    try {
      expect(await queue.enqueue(PORTAL_JOBS[0]!.name)).toEqual(expect.any(String));
    } finally {
      await queue.stop();
    }
  });
});

describe("审计校验 over every chain (ASVS V7.3.3)", () => {
  it("V7.3.3 passes on an intact database and names the application event the database owner edited", async () => {
    const { applicationId } = await fileOne();
    expect((await verifyAuditTrail(db)).ok).toBe(true);

    const [target] = await db
      .select()
      .from(schema.applicationEvents)
      .where(sql`${schema.applicationEvents.applicationId} = ${applicationId} and ${schema.applicationEvents.seq} = 2`);
    await asOwner(sql`update application_events set opinion = '被篡改的意见' where id = ${target!.id}`);
    const broken = await verifyAuditTrail(db);
    expect(broken.ok).toBe(false);
    expect(stream(broken, "application_events").broken).toMatchObject({
      eventId: target!.id,
      chainId: applicationId,
      seq: 2,
      reason: expect.stringMatching(/该行被修改/),
    });
    expect(stream(broken, "security_events").broken).toBeNull();

    await asOwner(sql`update application_events set opinion = ${target!.opinion} where id = ${target!.id}`);
    expect((await verifyAuditTrail(db)).ok).toBe(true);
  });

  it("V7.3.4 real sign-ins, failed and successful, land on the keyed security chain", async () => {
    const before = stream(await verifyAuditTrail(db), "security_events").events;
    expect(
      (await signIn(db, { kind: "staff", loginName: "admin", password: "wrong-password", ip: "192.0.2.10" })).ok,
    ).toBe(false);
    expect((await signIn(db, { kind: "staff", loginName: "admin", password: "Demo2026!", ip: "192.0.2.10" })).ok).toBe(
      true,
    );
    const after = await verifyAuditTrail(db);
    expect(stream(after, "security_events")).toMatchObject({ events: before + 2, broken: null });
    const kinds = await db
      .select({ kind: schema.securityEvents.kind, hash: schema.securityEvents.hash })
      .from(schema.securityEvents)
      .orderBy(desc(schema.securityEvents.seq))
      .limit(2);
    expect(kinds.map((k) => k.kind)).toEqual(["login_ok", "login_failed"]);
    expect(kinds.every((k) => /^[0-9a-f]{64}$/.test(k.hash ?? ""))).toBe(true);
  });

  const title2 =
    "V7.3.3 V7.3.4 security and administration events are chained: an edited, deleted or unlinked one is " + "named";
  it(title2, async () => {
    for (const kind of ["login_failed", "login_ok", "account_disabled"] as const) {
      await logSecurityEvent(db, {
        kind,
        ip: "192.0.2.9",
        detail: { reason: "test", at: new Date("2026-11-30T08:00:00Z") },
      });
    }
    const rows = await db.select().from(schema.securityEvents).orderBy(desc(schema.securityEvents.seq)).limit(3);
    const [third, second] = rows;
    expect(second!.seq).toBe(third!.seq! - 1);
    expect(third!.prevHash).toBe(second!.hash);
    expect(stream(await verifyAuditTrail(db), "security_events").broken).toBeNull();

    await asOwner(sql`update security_events set detail = '{"reason":"nothing happened"}' where id = ${second!.id}`);
    expect(stream(await verifyAuditTrail(db), "security_events").broken).toMatchObject({
      eventId: second!.id,
      reason: expect.stringMatching(/该行被修改/),
    });
    await asOwner(
      sql`update security_events set detail = ${JSON.stringify(second!.detail)}::jsonb where id = ${second!.id}`,
    );
    expect((await verifyAuditTrail(db)).ok).toBe(true);

    await asOwner(sql`delete from security_events where id = ${second!.id}`);
    expect(stream(await verifyAuditTrail(db), "security_events").broken).toMatchObject({
      eventId: third!.id,
      reason: expect.stringMatching(/序号不连续/),
    });
    await db.insert(schema.securityEvents).values(second!); // the owner puts it back: intact again
    expect((await verifyAuditTrail(db)).ok).toBe(true);

    const [unlinked] = await db.insert(schema.securityEvents).values({ kind: "login_ok" }).returning();
    expect(stream(await verifyAuditTrail(db), "security_events").broken).toMatchObject({
      eventId: unlinked!.id,
      reason: expect.stringMatching(/未进入审计链/),
    });
    await asOwner(sql`delete from security_events where id = ${unlinked!.id}`);
    expect((await verifyAuditTrail(db)).ok).toBe(true);
  });

  const title3 =
    "V7.3.3 rows from before the keyed chain verify with the old hash, are reported as such, and stay covered by " +
    "the seal";
  it(title3, async () => {
    // A database as the release before the key left it: an application chained with plain SHA-256, a security event
    // never chained, and the upgrade's epoch recorded after them and sealed by that start.
    const { applicationId } = await fileOne();
    const events = await db
      .select()
      .from(schema.applicationEvents)
      .where(eq(schema.applicationEvents.applicationId, applicationId))
      .orderBy(schema.applicationEvents.seq);
    let prev = GENESIS_HASH;
    for (const e of events) {
      const hash = legacyEventHash({ ...e, prevHash: prev });
      await asOwner(sql`update application_events set prev_hash = ${prev}, hash = ${hash} where id = ${e.id}`);
      prev = hash;
    }
    const [oldSecurity] = await db
      .insert(schema.securityEvents)
      .values({ kind: "login_ok", detail: { old: true } })
      .returning();
    await asOwner(
      sql.join([
        sql`update audit_chain_epochs set seal = null, legacy_max_id = case stream
      when 'application_events' then (select max(id) from application_events) else (select max(id) from `,
        sql`security_events) end`,
      ]),
    );
    await sealAuditEpochs(db);

    const upgraded = await verifyAuditTrail(db);
    expect(upgraded.ok).toBe(true);
    expect(stream(upgraded, "application_events").legacyEvents).toBe(events.length);
    expect(stream(upgraded, "security_events").legacyEvents).toBeGreaterThan(0);

    // An old row can be edited with its unkeyed hash recomputed, but the seal catches it.
    await asOwner(sql`update security_events set detail = '{"old":false}' where id = ${oldSecurity!.id}`);
    expect(stream(await verifyAuditTrail(db), "security_events").broken?.reason).toMatch(
      /启用审计密钥前的旧记录被改动/,
    );
    await asOwner(sql`update security_events set detail = '{"old":true}' where id = ${oldSecurity!.id}`);
    expect((await verifyAuditTrail(db)).ok).toBe(true);

    // A new row rewritten with the old unkeyed hash does not pass as old.
    const later = await fileOne();
    const [row] = await db
      .select()
      .from(schema.applicationEvents)
      .where(
        sql.join([
          sql`${schema.applicationEvents.applicationId} = ${later.applicationId} `,
          sql`and ${schema.applicationEvents.seq} = 1`,
        ]),
      );
    const forged = legacyEventHash({ ...row!, actorName: "别人" });
    await asOwner(sql`update application_events set actor_name = '别人', hash = ${forged} where id = ${row!.id}`);
    expect(stream(await verifyAuditTrail(db), "application_events").broken).toMatchObject({
      eventId: row!.id,
      reason: expect.stringMatching(/旧哈希/),
    });
    await asOwner(
      sql`update application_events set actor_name = ${row!.actorName}, hash = ${row!.hash} where id = ${row!.id}`,
    );
    expect((await verifyAuditTrail(db)).ok).toBe(true);

    // Clearing a seal is caught, and a later start does not seal again (only the run that creates the epochs does).
    await asOwner(sql`update audit_chain_epochs set seal = null where stream = 'security_events'`);
    await migrateAndSealAuditEpochs(db);
    expect(stream(await verifyAuditTrail(db), "security_events").broken?.reason).toMatch(/未封存/);
  });
});
