import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { desc, eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { checkOption } from "@/lib/domain/eligibility";
import { getProgram } from "@/lib/domain/programs";
import { searchEmployers } from "@/lib/queries/applicant-employers";
import { loadPersonSnapshot } from "@/db/rows/application-rows";
import { createApplication } from "@/lib/services/applications/create-application";
import { saveApplication } from "@/lib/services/applications/save-application";
import { previewApplicationForm } from "@/lib/services/documents/preview-application-form";
import { sendSigningCode, signApplicationForm } from "@/lib/services/documents/sign-application-form";
import { ServiceError } from "@/lib/services/errors";
import { uploadFile } from "@/lib/services/files/upload-file";
import { changeEmployer } from "@/lib/services/people/change-employer";
import {
  commitmentOf,
  confirmSocialInsurance,
  FULL_READING_SECONDS,
  makeCommitment,
  tickConditions,
  wizardState,
} from "@/lib/services/people/filing-commitment";
import { setPortrait } from "@/lib/services/people/set-portrait";
import { testDb } from "../support/db";
import { filedInitialApplication, freshApplicant, givePhotoAndSignature, initialForm } from "../engine/fixtures";

const SH = { programCode: "cost2-sh", specialty: "1", employerUscc: "91310000MA1FL0001R", provinceCode: "31" };
let db: Database;
beforeAll(() => {
  process.env.PORTAL_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "portal-applicant-"));
  db = testDb();
});

async function refusal(p: Promise<unknown>): Promise<ServiceError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ServiceError) return e;
    throw e;
  }
  throw new Error("expected a ServiceError");
}

const jpeg = (w: number, h: number) =>
  sharp({ create: { width: w, height: h, channels: 3, background: "#e0e8f0" } })
    .jpeg()
    .toBuffer();

async function employerId(uscc: string) {
  return (await db.select({ id: s.employers.id }).from(s.employers).where(eq(s.employers.uscc, uscc)))[0]!.id;
}

describe("个人信息: photo/signature, employer picker", () => {
  it("G4 F1: an uploaded photo and signature go on the record and are kept; then G4 no longer refuses", async () => {
    const me = await freshApplicant(db, SH);
    const program = getProgram("cost2-sh");
    const before = checkOption(
      await loadPersonSnapshot(db, me.personId!, "cost2-sh"),
      program,
      "initial",
      "1",
      "2026-11-21",
    );
    expect(before.reasons.map((r) => r.rule)).toContain("G4");

    const photo = await uploadFile(db, me, {
      kind: "photo",
      programCode: "cost2-sh",
      fileName: "me.jpg",
      bytes: await jpeg(600, 800),
    });
    const signature = await uploadFile(db, me, {
      kind: "signature",
      programCode: "cost2-sh",
      fileName: "sig.png",
      bytes: await jpeg(800, 300),
    });
    await setPortrait(db, me, { kind: "photo", fileId: photo.fileId });
    const out = await setPortrait(db, me, { kind: "signature", fileId: signature.fileId });
    expect(out).toEqual({ photoFileId: photo.fileId, signatureFileId: signature.fileId });
    const files = await db
      .select({ id: s.files.id, state: s.files.state })
      .from(s.files)
      .where(eq(s.files.ownerPersonId, me.personId!));
    expect(files.every((f) => f.state === "kept")).toBe(true);

    const after = checkOption(
      await loadPersonSnapshot(db, me.personId!, "cost2-sh"),
      program,
      "initial",
      "1",
      "2026-11-21",
    );
    expect(after.reasons.map((r) => r.rule)).not.toContain("G4");
  });

  it("G4: someone else's upload or a file of another kind cannot be used", async () => {
    const me = await freshApplicant(db, SH);
    const other = await freshApplicant(db, SH);
    const theirs = await uploadFile(db, other, {
      kind: "photo",
      programCode: "cost2-sh",
      fileName: "x.jpg",
      bytes: await jpeg(400, 500),
    });
    expect((await refusal(setPortrait(db, me, { kind: "photo", fileId: theirs.fileId }))).kind).toBe("not_found");
    const mine = await uploadFile(db, me, {
      kind: "signature",
      programCode: "cost2-sh",
      fileName: "s.jpg",
      bytes: await jpeg(400, 160),
    });
    const wrongKind = await refusal(setPortrait(db, me, { kind: "photo", fileId: mine.fileId }));
    expect(wrongKind.kind).toBe("invalid");
    expect(wrongKind.message).toContain("一寸照片");
    const [person] = await db.select().from(s.people).where(eq(s.people.id, me.personId!));
    expect(person!.photoFileId).toBeNull();
  });

  it("G3: 验证企业名称 — any part of the name, at least 2 characters, LIKE wildcards taken literally", async () => {
    const found = await searchEmployers(db, "建科造价");
    expect(found[0]).toMatchObject({
      name: "上海建科造价咨询有限公司",
      uscc: "91310000MA1FL0001R",
      kindLabel: "工程造价咨询企业",
    });
    expect((await searchEmployers(db, "华诚")).map((e) => e.name)).toEqual(["浙江华诚工程管理有限公司"]);
    expect(await searchEmployers(db, "建")).toEqual([]);
    expect(await searchEmployers(db, "%%")).toEqual([]);
    expect(await searchEmployers(db, "有限公司_")).toEqual([]);
    expect((await searchEmployers(db, "有限公司")).length).toBeGreaterThanOrEqual(4);
  });

  const title1 =
    "G2 G3: the employer can be changed while nothing is in flight; drafts follow and must be saved " + "again";
  it(title1, async () => {
    const me = await freshApplicant(db, SH);
    await givePhotoAndSignature(db, me.personId!);
    const { applicationId } = await createApplication(db, me, {
      programCode: "cost2-sh",
      type: "initial",
      specialtyCode: "1",
    });
    const zj = await employerId("91330100MA2CD0002J");
    const out = await changeEmployer(db, me, { employerId: zj });
    expect(out).toMatchObject({ name: "浙江华诚工程管理有限公司", uscc: "91330100MA2CD0002J", draftsUpdated: 1 });
    const [app] = await db.select().from(s.applications).where(eq(s.applications.id, applicationId));
    expect(app).toMatchObject({ employerId: zj, savedValid: false, version: 1 });
    expect((await refusal(changeEmployer(db, me, { employerId: "00000000-0000-4000-8000-000000000000" }))).kind).toBe(
      "not_found",
    );
  });

  it("G2: the employer cannot be changed while an application is in flight (the message names it)", async () => {
    const me = await freshApplicant(db, SH);
    await filedInitialApplication(db, me, "cost2-sh", "1");
    const err = await refusal(changeEmployer(db, me, { employerId: await employerId("91330100MA2CD0002J") }));
    expect(err.kind).toBe("refused");
    expect(err.message).toContain("「初始注册」申请正在办理（个人已签名（待企业签名））");
    const [person] = await db.select().from(s.people).where(eq(s.people.id, me.personId!));
    expect(person!.employerId).toBe(await employerId("91310000MA1FL0001R"));
  });
});

describe("申报须知 → 个人承诺书 → 社保 → 保存 → 个人数字签名", () => {
  const title2 =
    "G5: the reading time is measured by the server; too early is refused; the commitment signs the " + "form";
  it(title2, async () => {
    const me = await freshApplicant(db, SH);
    await givePhotoAndSignature(db, me.personId!);
    const [person] = await db.select().from(s.people).where(eq(s.people.id, me.personId!));
    const { applicationId } = await createApplication(db, me, {
      programCode: "cost2-sh",
      type: "initial",
      specialtyCode: "1",
    });
    const t0 = new Date("2026-11-21T02:00:00Z");

    expect((await refusal(makeCommitment(db, me, { applicationId, committed: true }, t0))).message).toContain(
      "审批条件",
    );
    expect((await refusal(tickConditions(db, me, { applicationId, allTicked: false }, t0))).kind).toBe("refused");
    await tickConditions(db, me, { applicationId, allTicked: true }, t0);
    const early = await refusal(
      makeCommitment(db, me, { applicationId, committed: true }, new Date(t0.getTime() + 20_000)),
    );
    expect(early.message).toContain(`满${FULL_READING_SECONDS}秒`);
    expect(early.message).toContain("还需 40 秒");
    await makeCommitment(db, me, { applicationId, committed: true }, new Date(t0.getTime() + 75_000));

    const [row] = await db.select().from(s.applications).where(eq(s.applications.id, applicationId));
    expect(wizardState(row!.formData)).toMatchObject({ readingSeconds: 75 });
    expect(commitmentOf(row!.formData)).toEqual({ conditionsTicked: true, committed: true, readingSeconds: 75 });
    expect(row!.version).toBe(0); // wizard steps are not edits of the form

    // Saving keeps the server's wizard record only if the caller passes it on (the action does).
    const scans: Record<string, string> = {};
    for (const code of ["application_form", "qualification_certificate", "labour_contract", "id_document"]) {
      scans[code] = (
        await uploadFile(db, me, {
          kind: "scan",
          programCode: "cost2-sh",
          fileName: `${code}.jpg`,
          bytes: await jpeg(800, 1000),
          applicationId,
          purpose: code,
        })
      ).fileId;
    }
    const saved = await saveApplication(db, me, {
      applicationId,
      version: 0,
      formData: { ...initialForm("1"), _wizard: wizardState(row!.formData) },
      attachments: scans,
    });
    expect(saved.fieldErrors).toEqual({});

    const pdf = await previewApplicationForm(db, me, applicationId);
    expect(Buffer.from(pdf.bytes.slice(0, 5)).toString()).toBe("%PDF-");
    const other = await freshApplicant(db, SH);
    expect((await refusal(previewApplicationForm(db, other, applicationId))).kind).toBe("not_found");

    await sendSigningCode(db, me, applicationId);
    const [sms] = await db
      .select()
      .from(s.smsOutbox)
      .where(eq(s.smsOutbox.phone, person!.phone))
      .orderBy(desc(s.smsOutbox.id))
      .limit(1);
    const code = sms!.body.match(/\d{6}/)![0];
    const [current] = await db.select().from(s.applications).where(eq(s.applications.id, applicationId));
    const signed = await signApplicationForm(db, me, {
      applicationId,
      version: current!.version,
      code,
      commitment: commitmentOf(current!.formData),
    });
    expect(signed.application.status).toBe("signed");
    expect((await refusal(previewApplicationForm(db, me, applicationId))).kind).toBe("refused");
  });

  it("G5: 本人不做出上述承诺 cancels the filing — a never-saved draft is deleted", async () => {
    const me = await freshApplicant(db, SH);
    await givePhotoAndSignature(db, me.personId!);
    const { applicationId } = await createApplication(db, me, {
      programCode: "cost2-sh",
      type: "initial",
      specialtyCode: "1",
    });
    await tickConditions(db, me, { applicationId, allTicked: true });
    expect(await makeCommitment(db, me, { applicationId, committed: false })).toEqual({
      cancelled: true,
      deleted: true,
    });
    const [row] = await db.select().from(s.applications).where(eq(s.applications.id, applicationId));
    expect(row!.status).toBe("deleted");
  });

  it("G6: with a 社保 anomaly the applicant confirms (recorded) or the filing is cancelled", async () => {
    const me = await freshApplicant(db, SH);
    await givePhotoAndSignature(db, me.personId!);
    await db.update(s.people).set({ socialInsuranceAnomaly: true }).where(eq(s.people.id, me.personId!));
    const { applicationId } = await createApplication(db, me, {
      programCode: "cost2-sh",
      type: "initial",
      specialtyCode: "1",
    });
    const t0 = new Date();
    expect((await refusal(confirmSocialInsurance(db, me, { applicationId, confirmed: true }, t0))).message).toContain(
      "个人承诺",
    );
    await tickConditions(db, me, { applicationId, allTicked: true }, t0);
    await makeCommitment(db, me, { applicationId, committed: true }, new Date(t0.getTime() + 61_000));
    const out = await confirmSocialInsurance(db, me, { applicationId, confirmed: true });
    expect(out.cancelled).toBe(false);
    const [row] = await db.select().from(s.applications).where(eq(s.applications.id, applicationId));
    expect(wizardState(row!.formData).socialInsuranceConfirmedAt).toBeTruthy();
    expect(row!.socialInsuranceAnomaly).toBe(true);
  });

  it("G5: the wizard steps belong to the owner's unsent draft only", async () => {
    const me = await freshApplicant(db, SH);
    const other = await freshApplicant(db, SH);
    const { applicationId } = await filedInitialApplication(db, me, "cost2-sh", "1");
    expect((await refusal(tickConditions(db, other, { applicationId, allTicked: true }))).kind).toBe("not_found");
    expect((await refusal(tickConditions(db, me, { applicationId, allTicked: true }))).kind).toBe("refused");
  });
});
