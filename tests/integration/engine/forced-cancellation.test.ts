import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import type { Database } from "@/db/client";
import { addDays, addYears } from "@/lib/domain/dates";
import { employerConfirmedPage, employerPendingPage } from "@/lib/queries/employer-queues";
import { chinaDate } from "@/lib/server/clock";
import type { Actor } from "@/lib/services/actor";
import { acceptApplication } from "@/lib/services/applications/accept-application";
import { approveApplication } from "@/lib/services/applications/approve-application";
import { countersignApplication } from "@/lib/services/applications/countersign-application";
import { createApplication } from "@/lib/services/applications/create-application";
import { fileForcedCancellation } from "@/lib/services/applications/file-forced-cancellation";
import { returnApplication } from "@/lib/services/applications/return-application";
import { saveApplication } from "@/lib/services/applications/save-application";
import { signApplication } from "@/lib/services/applications/sign-application";
import { withdrawApplication } from "@/lib/services/applications/withdraw-application";
import { employer, reviewer } from "../support/actors";
import { testDb } from "../support/db";
import { COMMITMENT, freshApplicant, givePhotoAndSignature } from "./fixtures";

const SH = "91310000MA1FL0001R";
const ZJ = "91330100MA2CD0002J";
let db: Database;
beforeAll(() => {
  db = testDb();
});

const jpeg = () =>
  sharp({ create: { width: 600, height: 800, channels: 3, background: "#f4f1e8" } })
    .jpeg()
    .toBuffer();

async function registered(who: Actor, uscc: string, withPortrait = true) {
  const [authority] = await db.select().from(s.authorities).where(eq(s.authorities.code, "sh"));
  const [emp] = await db.select().from(s.employers).where(eq(s.employers.uscc, uscc));
  const validTo = addYears(chinaDate(new Date()), 2);
  const number = `建[造]21253101${String(Date.now() % 1_000_000).padStart(6, "0")}`;
  const [reg] = await db
    .insert(s.registrations)
    .values({
      personId: who.personId!,
      programCode: "cost2-sh",
      specialtyCode: "1",
      registrationNo: number,
      sealNo: `${number}-01`,
      employerId: emp!.id,
      employerName: emp!.name,
      employerProvinceCode: "31",
      issuingAuthorityId: authority!.id,
      validFrom: addDays(addYears(validTo, -4), 1),
      validTo,
      status: "active",
    })
    .returning();
  if (withPortrait) await givePhotoAndSignature(db, who.personId!);
  return reg!;
}

const row = async (id: string) => (await db.select().from(s.applications).where(eq(s.applications.id, id)))[0]!;
const registration = async (id: string) =>
  (await db.select().from(s.registrations).where(eq(s.registrations.id, id)))[0]!;

async function approveAtShanghai(applicationId: string) {
  const sh = await reviewer(db, "sh_reviewer");
  const a = await acceptApplication(db, sh, { applicationId, version: (await row(applicationId)).version });
  return approveApplication(db, sh, { applicationId, version: a.application.version });
}

describe("强制注销 (K2)", () => {
  const title1 =
    "K2: the applicant's forced cancellation is stored on the application, skips the employer, and the employer " +
    "can neither countersign nor return it";
  it(title1, async () => {
    const who = await freshApplicant(db, {
      programCode: "cost2-sh",
      specialty: "1",
      employerUscc: SH,
      provinceCode: "31",
    });
    const reg = await registered(who, SH);
    const { applicationId } = await createApplication(db, who, {
      programCode: "cost2-sh",
      type: "cancellation",
      specialtyCode: "1",
    });
    const base = {
      specialty: "1",
      reason: "已与聘用单位解除劳动关系",
      applicantStatement: "单位拒不办理注销，依判决申请强制注销",
    };

    // 是 needs the arbitration award or court judgment; the choice is kept even when the save is incomplete.
    const incomplete = await saveApplication(db, who, {
      applicationId,
      version: 0,
      formData: { ...base, forced: true },
    });
    expect(incomplete.fieldErrors).toHaveProperty(["attachments.arbitration_or_judgment"]);
    expect((await row(applicationId)).forcedCancellation).toBe(true);
    const [scan] = await db
      .insert(s.files)
      .values({
        kind: "scan",
        ownerPersonId: who.personId!,
        mimeType: "image/jpeg",
        byteSize: 1,
        sha256: "0".repeat(64),
        storageKey: `k2/${applicationId}`,
      })
      .returning({ id: s.files.id });
    const saved = await saveApplication(db, who, {
      applicationId,
      version: incomplete.application.version,
      formData: { ...base, forced: true },
      attachments: { arbitration_or_judgment: scan!.id },
    });
    expect(saved.fieldErrors).toEqual({});
    const signed = await signApplication(db, who, {
      applicationId,
      version: saved.application.version,
      commitment: COMMITMENT,
    });
    // 上海 would complete an ordinary cancellation on the employer's signature; a forced one goes to the authority.
    expect([signed.application.status, signed.application.currentLevel, signed.application.forcedCancellation]).toEqual(
      ["pending_acceptance", 1, true],
    );

    const company = await employer(db, SH);
    await expect(
      countersignApplication(db, company, {
        applicationId,
        version: signed.application.version,
        opinionTicked: true,
      }),
    ).rejects.toMatchObject({ kind: "refused" });
    await expect(
      returnApplication(db, company, { applicationId, version: signed.application.version, reason: "不同意" }),
    ).rejects.toMatchObject({ kind: "refused" });
    expect((await row(applicationId)).status).toBe("pending_acceptance");
    // It never waits in the employer's 待企业确认; the employer sees it, read-only, among its staff's filings.
    const pending = await employerPendingPage(db, company.employerId!, { idNumber: undefined, name: undefined }, null);
    expect(pending.rows.map((r) => r.id)).not.toContain(applicationId);
    const [person] = await db.select().from(s.people).where(eq(s.people.id, who.personId!));
    const confirmed = await employerConfirmedPage(db, company.employerId!, { idNumber: person!.idNumber }, null);
    expect(confirmed.rows.map((r) => r.id)).toContain(applicationId);

    const done = await approveAtShanghai(applicationId);
    expect(done.application.status).toBe("approved");
    expect((await registration(reg.id)).status).toBe("cancelled");
  });

  it("K2: an ordinary cancellation still waits for the employer", async () => {
    const who = await freshApplicant(db, {
      programCode: "cost2-sh",
      specialty: "1",
      employerUscc: SH,
      provinceCode: "31",
    });
    await registered(who, SH);
    const { applicationId } = await createApplication(db, who, {
      programCode: "cost2-sh",
      type: "cancellation",
      specialtyCode: "1",
    });
    const saved = await saveApplication(db, who, {
      applicationId,
      version: 0,
      formData: { specialty: "1", reason: "本人申请注销", applicantStatement: "本人申请注销", forced: false },
    });
    expect(saved.fieldErrors).toEqual({});
    const signed = await signApplication(db, who, {
      applicationId,
      version: saved.application.version,
      commitment: COMMITMENT,
    });
    expect([signed.application.status, signed.application.forcedCancellation]).toEqual(["signed", false]);
  });

  const title2 =
    "K2: the employer files a forced cancellation for a staff member with the judgment; it goes to the authority " +
    "signed by the employer, and the applicant cannot withdraw it";
  it(title2, async () => {
    const who = await freshApplicant(db, {
      programCode: "cost2-sh",
      specialty: "1",
      employerUscc: SH,
      provinceCode: "31",
    });
    // The person never uploaded a photo or signature: that is theirs to give, and does not stop the employer (K2).
    const reg = await registered(who, SH, false);
    const company = await employer(db, SH);

    // The same document requirement as the applicant's form; nothing is created without it.
    const before = (
      await db.select({ id: s.applications.id }).from(s.applications).where(eq(s.applications.personId, who.personId!))
    ).length;
    await expect(
      fileForcedCancellation(db, company, {
        registrationId: reg.id,
        reason: "已与聘用单位解除劳动关系",
        judgment: null,
      }),
    ).rejects.toMatchObject({
      kind: "invalid",
      fieldErrors: { judgment: "请上传劳动仲裁裁决书或法院判决书扫描件" },
    });
    await expect(
      fileForcedCancellation(db, company, {
        registrationId: reg.id,
        reason: "随便",
        judgment: { fileName: "判决书.jpg", bytes: await jpeg() },
      }),
    ).rejects.toMatchObject({ kind: "invalid" });
    expect(
      (
        await db
          .select({ id: s.applications.id })
          .from(s.applications)
          .where(eq(s.applications.personId, who.personId!))
      ).length,
    ).toBe(before);
    // Another employer's staff does not exist for this one.
    await expect(
      fileForcedCancellation(db, await employer(db, ZJ), {
        registrationId: reg.id,
        reason: "已与聘用单位解除劳动关系",
        judgment: { fileName: "判决书.jpg", bytes: await jpeg() },
      }),
    ).rejects.toMatchObject({ kind: "not_found" });

    const filed = await fileForcedCancellation(db, company, {
      registrationId: reg.id,
      reason: "已与聘用单位解除劳动关系",
      opinion: "经劳动仲裁裁决解除劳动关系，本人拒不办理注销",
      judgment: { fileName: "仲裁裁决书.jpg", bytes: await jpeg() },
    });
    const app = filed.application;
    expect([app.status, app.currentLevel, app.forcedCancellation, app.filedByEmployer, app.registrationId]).toEqual([
      "pending_acceptance",
      1,
      true,
      true,
      reg.id,
    ]);
    expect(app.acceptanceNo).toMatch(/^W\d{6}\d{3}\d{4}$/);
    expect(app.employerSignedAt).not.toBeNull();
    const [form] = await db.select().from(s.files).where(eq(s.files.id, app.formPdfFileId!));
    expect([form!.kind, form!.mimeType, form!.ownerEmployerId]).toEqual([
      "application_form",
      "application/pdf",
      company.employerId,
    ]);
    const [judgment] = await db
      .select()
      .from(s.files)
      .where(and(eq(s.files.applicationId, app.id), eq(s.files.purpose, "arbitration_or_judgment")));
    expect([judgment!.state, judgment!.ownerPersonId]).toEqual(["kept", who.personId]);
    expect((app.formData.attachments as Record<string, string>).arbitration_or_judgment).toBe(judgment!.id);

    // The applicant is told, and cannot take it back.
    const [message] = await db.select().from(s.messages).where(eq(s.messages.applicationId, app.id));
    expect(message!.title).toContain("注销注册");
    await expect(withdrawApplication(db, who, { applicationId: app.id, version: app.version })).rejects.toMatchObject({
      kind: "refused",
    });
    // Nothing waits on the employer either.
    await expect(
      countersignApplication(db, company, { applicationId: app.id, version: app.version, opinionTicked: true }),
    ).rejects.toMatchObject({ kind: "refused" });

    const done = await approveAtShanghai(app.id);
    expect(done.application.status).toBe("approved");
    expect((await registration(reg.id)).status).toBe("cancelled");
  });
});
