import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import type { Database } from "@/db/client";
import { storeBytes } from "@/lib/server/storage";
import { answerCorrection } from "@/lib/services/applications/answer-correction";
import { countersignApplication } from "@/lib/services/applications/countersign-application";
import { requestCorrection } from "@/lib/services/applications/request-correction";
import { NOT_OWN_CORRECTION_FILE } from "@/lib/services/applications/correction-files";
import { readFile } from "@/lib/services/documents/read-file";
import { employer, reviewer } from "../support/actors";
import { testDb } from "../support/db";
import { filedInitialApplication, freshApplicant } from "../engine/fixtures";

/** Issue 9 item 8: file access follows the application (ASVS V4.2.1 object-level access, V4.1.3 least privilege). */
const SH_EMPLOYER = "91310000MA1FL0001R";
let db: Database;
beforeAll(() => {
  process.env.PORTAL_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "portal-file-access-"));
  db = testDb();
});

async function storedFile(
  values: Omit<typeof s.files.$inferInsert, "storageKey" | "sha256" | "byteSize" | "mimeType">,
) {
  const bytes = Buffer.from(`%PDF-1.4 ${Math.random()}`);
  const stored = await storeBytes(bytes);
  const [f] = await db
    .insert(s.files)
    .values({
      ...values,
      mimeType: "application/pdf",
      byteSize: bytes.byteLength,
      sha256: stored.sha256,
      storageKey: stored.storageKey,
      state: "kept",
    })
    .returning();
  return f!;
}

describe("file access follows the application (V4.2.1)", () => {
  it("V4.2.1 an employer reads its staff's application files, but no file of the person attached to nothing it is " +
    "party to", async () => {
    const who = await freshApplicant(db, {
      programCode: "cost2-sh",
      specialty: "1",
      employerUscc: SH_EMPLOYER,
      provinceCode: "31",
    });
    // Files the person had before signing: a certificate of another registration and an upload never attached.
    const certificate = await storedFile({ kind: "certificate", ownerPersonId: who.personId! });
    const loose = await storedFile({ kind: "scan", ownerPersonId: who.personId! });
    const filed = await filedInitialApplication(db, who, "cost2-sh", "1");
    const attached = await storedFile({
      kind: "scan",
      ownerPersonId: who.personId!,
      applicationId: filed.applicationId,
    });
    const emp = await employer(db, SH_EMPLOYER);

    await expect(readFile(db, emp, attached.id)).resolves.toMatchObject({ kind: "scan" });
    await expect(readFile(db, emp, certificate.id)).rejects.toMatchObject({ kind: "not_found" });
    await expect(readFile(db, emp, loose.id)).rejects.toMatchObject({ kind: "not_found" });
    // Another employer is party to nothing of this person's.
    await expect(readFile(db, await employer(db, "91330100MA2CD0002J"), attached.id)).rejects.toMatchObject({
      kind: "not_found",
    });
    // The person reads all of their own.
    await expect(readFile(db, who, certificate.id)).resolves.toBeTruthy();
  }, 60_000);

  it("V4.2.1 W4: a 补正 may name only its applicant's own uploads; another person's file id is refused and nothing is " +
    "recorded", async () => {
    const who = await freshApplicant(db, {
      programCode: "cost2-sh",
      specialty: "1",
      employerUscc: SH_EMPLOYER,
      provinceCode: "31",
    });
    const other = await freshApplicant(db, {
      programCode: "cost2-sh",
      specialty: "1",
      employerUscc: SH_EMPLOYER,
      provinceCode: "31",
    });
    const filed = await filedInitialApplication(db, who, "cost2-sh", "1");
    const sent = await countersignApplication(db, await employer(db, SH_EMPLOYER), {
      applicationId: filed.applicationId,
      version: filed.version,
      opinionTicked: true,
    });
    const asked = await requestCorrection(db, await reviewer(db, "sh_reviewer"), {
      applicationId: filed.applicationId,
      version: sent.application.version,
      content: "补充社保证明",
      reason: "社保证明缺失",
    });
    const theirs = await storedFile({ kind: "correction", ownerPersonId: other.personId! });
    const mine = await storedFile({
      kind: "correction",
      ownerPersonId: who.personId!,
      applicationId: filed.applicationId,
    });

    const eventsBefore = await db
      .select()
      .from(s.applicationEvents)
      .where(eq(s.applicationEvents.applicationId, filed.applicationId));
    await expect(
      answerCorrection(db, who, {
        applicationId: filed.applicationId,
        version: asked.application.version,
        fileIds: [mine.id, theirs.id],
      }),
    ).rejects.toMatchObject({ kind: "invalid", message: NOT_OWN_CORRECTION_FILE });
    const [still] = await db.select().from(s.applications).where(eq(s.applications.id, filed.applicationId));
    expect(still!.status).toBe("correction_requested");
    expect(
      await db.select().from(s.applicationEvents).where(eq(s.applicationEvents.applicationId, filed.applicationId)),
    ).toHaveLength(eventsBefore.length);
    const [untouched] = await db.select().from(s.files).where(eq(s.files.id, theirs.id));
    expect(untouched!.applicationId).toBeNull();

    const answered = await answerCorrection(db, who, {
      applicationId: filed.applicationId,
      version: asked.application.version,
      fileIds: [mine.id],
    });
    expect(answered.application.status).not.toBe("correction_requested");
    const kept = await db
      .select()
      .from(s.files)
      .where(and(eq(s.files.id, mine.id), eq(s.files.applicationId, filed.applicationId)));
    expect(kept).toHaveLength(1);
  }, 60_000);
});
