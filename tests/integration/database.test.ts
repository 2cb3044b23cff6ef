import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { seedDemoData } from "@/lib/server/seed/demo";
import { appendApplicationEvent } from "@/lib/services/audit/append-event";
import { dbErrorMessage, testDb } from "./support/db";

describe("database foundation", () => {
  it("is migrated and seeded with every role's demo accounts", async () => {
    const db = testDb();
    const roles = await db
      .select({ role: s.userAccounts.role, n: sql<number>`count(*)::int` })
      .from(s.userAccounts)
      .groupBy(s.userAccounts.role);
    const byRole = Object.fromEntries(roles.map((r) => [r.role, r.n]));
    expect(byRole.applicant).toBeGreaterThanOrEqual(5);
    expect(byRole.employer).toBeGreaterThanOrEqual(2);
    expect(byRole.reviewer).toBeGreaterThanOrEqual(4);
    // Other test files create administrators in the same database (admin:create); the demo's own is `admin`.
    expect(byRole.admin).toBeGreaterThanOrEqual(1);
    const [demoAdmin] = await db
      .select({ role: s.userAccounts.role })
      .from(s.userAccounts)
      .where(sql`${s.userAccounts.loginName} = 'admin'`);
    expect(demoAdmin?.role).toBe("admin");
  });

  it("seeds only once: a second seed run changes nothing", async () => {
    const db = testDb();
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(s.people);
    expect(await seedDemoData(db)).toBe(false);
    const after = await db.select({ n: sql<number>`count(*)::int` }).from(s.people);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it("keeps rare characters in names intact (王堃, 李喆, 陈玥)", async () => {
    const db = testDb();
    const names = (await db.select({ name: s.people.name }).from(s.people)).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(["王堃", "李喆", "陈玥"]));
  });

  it("refuses to update or delete audit events (append-only trigger)", async () => {
    const db = testDb();
    // A throwaway person, so the in-flight application below blocks no demo applicant (G2).
    const [person] = await db
      .insert(s.people)
      .values({
        name: "触发器测试",
        gender: "male",
        birthDate: "1990-01-01",
        idType: "passport",
        idNumber: "TRIGGER01",
        phone: "13700000000",
      })
      .returning({ id: s.people.id });
    const [app] = await db
      .insert(s.applications)
      .values({ personId: person!.id, programCode: "cost2-sh", type: "initial", specialtyCode: "9-trigger-test" })
      .returning({ id: s.applications.id });
    // A properly chained event: the database must hold no broken chains for the audit-chain tests.
    await appendApplicationEvent(db, {
      applicationId: app!.id,
      actor: { userId: "", role: "admin", displayName: "test" },
      actorKind: "applicant",
      action: "save",
      fromStatus: null,
      toStatus: "draft",
    });
    expect(
      await dbErrorMessage(
        db.execute(sql`update application_events set opinion = 'x' where application_id = ${app!.id}`),
      ),
    ).toMatch(/append-only/);
    expect(
      await dbErrorMessage(db.execute(sql`delete from application_events where application_id = ${app!.id}`)),
    ).toMatch(/append-only/);
    expect(await dbErrorMessage(db.execute(sql`truncate application_events cascade`))).toMatch(/append-only/);
    const rows = await db.select().from(s.applicationEvents).where(sql`application_id = ${app!.id}`);
    expect(rows).toHaveLength(1);
  });
});
