import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";
import { testDb } from "../support/db";
import { filedInitialApplication, freshApplicant } from "./fixtures";

let db: Database;
beforeAll(() => {
  db = testDb();
});

/** Tampering as a database superuser would: switch the append-only trigger off, change a row, switch it back. */
async function tamper(statement: ReturnType<typeof sql>) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table application_events disable trigger user`);
    await tx.execute(statement);
    await tx.execute(sql`alter table application_events enable trigger user`);
  });
}

describe("T1: the hash-chained audit trail", () => {
  it("verifies intact, and pinpoints the row whose opinion was altered", async () => {
    const who = await freshApplicant(db, {
      programCode: "cost2-sh",
      specialty: "1",
      employerUscc: "91310000MA1FL0001R",
      provinceCode: "31",
    });
    const { applicationId } = await filedInitialApplication(db, who, "cost2-sh", "1");
    expect(await verifyAuditChain(db, applicationId)).toEqual({ ok: true, events: 3 });

    const [target] = (
      await db.execute(sql`select id from application_events where application_id = ${applicationId} and seq = 2`)
    ).rows as { id: number }[];
    await tamper(sql`update application_events set opinion = '篡改' where id = ${target!.id}`);
    const verdict = await verifyAuditChain(db, applicationId);
    expect(verdict).toMatchObject({ ok: false, applicationId, eventId: Number(target!.id), seq: 2 });
    expect((await verifyAuditChain(db)).ok).toBe(false); // the whole-database sweep finds it too
  });

  it("detects a deleted row (a gap in the sequence)", async () => {
    const who = await freshApplicant(db, {
      programCode: "cost2-sh",
      specialty: "1",
      employerUscc: "91310000MA1FL0001R",
      provinceCode: "31",
    });
    const { applicationId } = await filedInitialApplication(db, who, "cost2-sh", "1");
    await tamper(sql`delete from application_events where application_id = ${applicationId} and seq = 2`);
    expect(await verifyAuditChain(db, applicationId)).toMatchObject({
      ok: false,
      seq: 3,
      reason: expect.stringMatching(/序号不连续/),
    });
  });

  it("detects a changed timestamp", async () => {
    const who = await freshApplicant(db, {
      programCode: "cost2-sh",
      specialty: "1",
      employerUscc: "91310000MA1FL0001R",
      provinceCode: "31",
    });
    const { applicationId } = await filedInitialApplication(db, who, "cost2-sh", "1");
    await tamper(
      sql.join([
        sql`update application_events set occurred_at = occurred_at - interval '1 day' where application_id `,
        sql`= ${applicationId} and seq = 1`,
      ]),
    );
    expect(await verifyAuditChain(db, applicationId)).toMatchObject({ ok: false, seq: 1 });
  });
});

describe("keyed audit chain (ASVS V7.3.3)", () => {
  const title1 =
    "V7.3.3 an owner who edits a row and recomputes its hash without the key is still caught at that " + "row";
  it(title1, async () => {
    const { eventHash } = await import("@/lib/server/audit/hash-chain");
    const who = await freshApplicant(db, {
      programCode: "cost2-sh",
      specialty: "1",
      employerUscc: "91310000MA1FL0001R",
      provinceCode: "31",
    });
    const { applicationId } = await filedInitialApplication(db, who, "cost2-sh", "1");
    const [row] = (
      await db.execute(sql`select * from application_events where application_id = ${applicationId} and seq = 2`)
    ).rows as Record<string, unknown>[];
    const fields = {
      applicationId,
      seq: 2,
      actorUserId: row!.actor_user_id as string | null,
      actorKind: row!.actor_kind as string,
      actorName: row!.actor_name as string,
      action: row!.action as string,
      fromStatus: row!.from_status as string | null,
      toStatus: row!.to_status as string,
      opinion: "篡改后的意见",
      payload: row!.payload as Record<string, unknown>,
      occurredAt: new Date(row!.occurred_at as string),
      prevHash: row!.prev_hash as string,
    };
    // The attacker's best effort: the exact canonical fields, hashed under a key guessed because it is not in the
    // database.
    const guessed = eventHash(fields, "guessed-key");
    expect(guessed).not.toBe(eventHash(fields));
    await tamper(
      sql`update application_events set opinion = ${fields.opinion}, hash = ${guessed} where id = ${row!.id}`,
    );
    expect(await verifyAuditChain(db, applicationId)).toMatchObject({
      ok: false,
      seq: 2,
      reason: expect.stringMatching(/该行被修改/),
    });
  });
});
