/**
 * A draft save's SQL statement count (issue 12, item 2). Every statement any pg client sends while the save runs is
 * counted, BEGIN and COMMIT included — the number the database actually serves per 保存.
 */
import { eq, inArray } from "drizzle-orm";
import pg from "pg";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { saveFormSchema } from "@/lib/schemas/applications";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";
import { userOfToken } from "@/lib/server/auth";
import { actorFromUser } from "@/lib/services/actor";
import { createApplication } from "@/lib/services/applications/create-application";
import { saveApplication } from "@/lib/services/applications/save-application";
import { saveApplicationForm } from "@/lib/services/applications/save-application-form";
import { uploadFile } from "@/lib/services/files/upload-file";
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
    // The read (application, snapshot, last audit link) and one write: UPDATE, event INSERT in one WITH, no BEGIN.
    expect(sent).toHaveLength(2);
    expect(await verifyAuditChain(db, applicationId)).toMatchObject({ ok: true });
  });

  const title2 =
    "F1 G8: a save that keeps uploads is still one write: the applicant's own upload is kept for the application, " +
    "another person's is not, and the chain verifies";
  it(title2, async () => {
    const me = await freshApplicant(db, SH);
    const other = await freshApplicant(db, SH);
    await givePhotoAndSignature(db, me.personId!);
    const { applicationId } = await createApplication(db, me, {
      programCode: "cost2-sh",
      type: "initial",
      specialtyCode: "1",
    });
    const bytes = await sharp({ create: { width: 400, height: 500, channels: 3, background: "#888" } })
      .jpeg()
      .toBuffer();
    const mine = await uploadFile(db, me, { kind: "scan", programCode: "cost2-sh", fileName: "a.jpg", bytes });
    const theirs = await uploadFile(db, other, { kind: "scan", programCode: "cost2-sh", fileName: "b.jpg", bytes });
    const sent = await statementsOf(() =>
      saveApplication(db, me, {
        applicationId,
        version: 0,
        formData: initialForm("1"),
        attachments: { application_form: [mine.fileId, theirs.fileId] },
      }),
    );
    expect(sent).toHaveLength(2);
    const files = await db
      .select({ id: s.files.id, state: s.files.state, applicationId: s.files.applicationId })
      .from(s.files)
      .where(inArray(s.files.id, [mine.fileId, theirs.fileId]));
    expect(files.find((f) => f.id === mine.fileId)).toMatchObject({ state: "kept", applicationId });
    expect(files.find((f) => f.id === theirs.fileId)?.applicationId).toBeNull();
    expect(await verifyAuditChain(db, applicationId)).toMatchObject({ ok: true, events: 2 });
  });
});

const BUDGET = 6;

describe("保存 through the server action (issue 12 item 2)", () => {
  const title =
    "G8: the whole 保存 action — session check, ownership, snapshot, conditional update, audit event — sends 3 " +
    "statements (budget 6), and another person's application is not found";
  it(title, async () => {
    const me = await freshApplicant(db, SH);
    await givePhotoAndSignature(db, me.personId!);
    const { applicationId } = await createApplication(db, me, {
      programCode: "cost2-sh",
      type: "initial",
      specialtyCode: "1",
    });
    const [account] = await db.select().from(s.userAccounts).where(eq(s.userAccounts.id, me.userId));
    // What the credentials sign-in wrote into the cookie; getCurrentUser() decodes it and re-checks the account.
    const token = {
      sub: account!.id,
      name: account!.displayName,
      role: "applicant" as const,
      gen: account!.sessionGeneration,
      authAt: Date.now(),
      personId: me.personId,
      employerId: null,
      authorityId: null,
    };
    /** What app/applicant/applications/actions.ts#saveForm runs, in the order the action pipeline runs it. */
    const saveThroughAction = async (raw: unknown) => {
      const user = await userOfToken({ ...token });
      if (!user) throw new Error("the session should be live");
      const input = saveFormSchema.parse(raw);
      return saveApplicationForm(db, actorFromUser(user), input);
    };
    const form = initialForm("1");
    let result: Awaited<ReturnType<typeof saveApplicationForm>> | undefined;
    const sent = await statementsOf(async () => {
      result = await saveThroughAction({ applicationId, version: 0, values: form, attachments: {} });
    });
    expect(result?.version).toBe(1);
    const [row] = await db.select().from(s.applications).where(eq(s.applications.id, applicationId));
    expect(row).toMatchObject({ version: 1, status: "draft" });
    expect(row!.formData).toMatchObject({ employerPhone: form.employerPhone, specialty: "1" });
    // The qualification shown on the form came from the same statement as the snapshot.
    expect(row!.formData.qualificationNumber).toMatch(/^T\d+/);
    const events = await db
      .select()
      .from(s.applicationEvents)
      .where(eq(s.applicationEvents.applicationId, applicationId))
      .orderBy(s.applicationEvents.seq);
    expect(events.map((e) => e.action)).toEqual(["create", "save"]);
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    console.log(
      `保存 action: ${sent.length} statements\n  ` +
        `${sent.map((q) => q.replace(/\s+/g, " ").slice(0, 110)).join("\n  ")}`,
    );
    expect(sent.length).toBeLessThanOrEqual(BUDGET);
    // The session's account check, the read, the write.
    expect(sent).toHaveLength(3);

    // A stale version is still a conflict without the transition's own SELECT (the UPDATE is conditional on it).
    await expect(saveThroughAction({ applicationId, version: 0, values: form, attachments: {} })).rejects.toMatchObject(
      { kind: "conflict" },
    );
    // Ownership is in the first statement's WHERE: someone else's application is "not found", nothing written.
    const other = await freshApplicant(db, SH);
    await expect(
      saveApplicationForm(db, other, { applicationId, version: 1, values: form, attachments: {} }),
    ).rejects.toMatchObject({ kind: "not_found" });
    const [after] = await db.select().from(s.applications).where(eq(s.applications.id, applicationId));
    expect(after!.version).toBe(1);

    // Two saves of the same version at once (two tabs): both read version 1 outside any transaction; exactly one
    // UPDATE matches, the other is a conflict, and the audit chain stays one unbroken line.
    const both = await Promise.allSettled([
      saveThroughAction({ applicationId, version: 1, values: form, attachments: {} }),
      saveThroughAction({
        applicationId,
        version: 1,
        values: { ...form, employerPhone: "021-99999999" },
        attachments: {},
      }),
    ]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(both.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.kind)).toEqual([
      "conflict",
    ]);
    const chain = await db
      .select()
      .from(s.applicationEvents)
      .where(eq(s.applicationEvents.applicationId, applicationId))
      .orderBy(s.applicationEvents.seq);
    expect(chain.map((e) => e.action)).toEqual(["create", "save", "save"]);
    expect(chain[2]!.prevHash).toBe(chain[1]!.hash);
    expect(await verifyAuditChain(db, applicationId)).toMatchObject({ ok: true, events: 3 });
  });
});
