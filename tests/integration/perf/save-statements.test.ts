/**
 * A draft save's SQL statement count (issue 12, item 2). Every statement any pg client sends while the save runs is
 * counted, BEGIN and COMMIT included — the number the database actually serves per 保存.
 */
import { eq } from "drizzle-orm";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { createApplication } from "@/lib/services/applications/create-application";
import { saveApplication } from "@/lib/services/applications/save-application";
import { testDb } from "../support/db";
import { freshApplicant, givePhotoAndSignature, initialForm } from "../engine/fixtures";

const SH = { programCode: "cost2-sh", specialty: "1", employerUscc: "91310000MA1FL0001R", provinceCode: "31" };
let db: Database;
beforeAll(() => {
  db = testDb();
});

/** Runs `work` and returns the SQL it sent, in order. */
async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const q = args[0] as string | { text?: string };
    sent.push(typeof q === "string" ? q : (q?.text ?? "?"));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return sent;
}

describe("保存 (G8) statement budget", () => {
  const title1 =
    "G8: a draft save (form stored, problems returned per field, version bumped, audit event chained) stays within " +
    "its statement budget";
  it(title1, async () => {
    const me = await freshApplicant(db, SH);
    await givePhotoAndSignature(db, me.personId!);
    const { applicationId } = await createApplication(db, me, {
      programCode: "cost2-sh",
      type: "initial",
      specialtyCode: "1",
    });
    const form = initialForm("1");
    const sent = await statementsOf(() => saveApplication(db, me, { applicationId, version: 0, formData: form }));
    const [row] = await db.select().from(s.applications).where(eq(s.applications.id, applicationId));
    expect(row).toMatchObject({ version: 1, status: "draft" });
    expect(row!.formData).toMatchObject({ employerPhone: form.employerPhone });
    // The event's link was read in the UPDATE's RETURNING: it must still chain onto the creation event.
    const events = await db
      .select()
      .from(s.applicationEvents)
      .where(eq(s.applicationEvents.applicationId, applicationId))
      .orderBy(s.applicationEvents.seq);
    expect(events.map((e) => e.action)).toEqual(["create", "save"]);
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    console.log(
      `draft save: ${sent.length} statements\n  ` +
        `${sent.map((q) => q.replace(/\s+/g, " ").slice(0, 110)).join("\n  ")}`,
    );
    expect(sent.length).toBeLessThanOrEqual(BUDGET);
  });
});

const BUDGET = 6;
