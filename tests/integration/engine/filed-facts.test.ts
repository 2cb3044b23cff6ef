import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import type { Database } from "@/db/client";
import { addDays, addYears } from "@/lib/domain/dates";
import { residentIdCheckChar } from "@/lib/domain/id-checksums";
import { getProgram } from "@/lib/domain/programs";
import type { ApplicationType } from "@/lib/domain/types";
import { applicantApplication } from "@/lib/queries/applicant-applications";
import { applicationDetail } from "@/lib/queries/review-detail";
import { chinaDate } from "@/lib/server/clock";
import { hashPassword } from "@/lib/server/password";
import type { Actor } from "@/lib/services/actor";
import { signIn } from "@/lib/services/accounts/sign-in";
import { acceptApplication } from "@/lib/services/applications/accept-application";
import { approveApplication } from "@/lib/services/applications/approve-application";
import { countersignApplication } from "@/lib/services/applications/countersign-application";
import { createApplication } from "@/lib/services/applications/create-application";
import { concludeNotice } from "@/lib/services/applications/conclude-notice";
import { forwardApplication } from "@/lib/services/applications/forward-application";
import { publishNotice } from "@/lib/services/applications/publish-notice";
import { returnApplication } from "@/lib/services/applications/return-application";
import { saveApplication } from "@/lib/services/applications/save-application";
import { signApplication } from "@/lib/services/applications/sign-application";
import { voidSignature } from "@/lib/services/applications/void-signature";
import { readFile } from "@/lib/services/documents/read-file";
import { sendSigningCode, signApplicationForm } from "@/lib/services/documents/sign-application-form";
import { changeEmployer } from "@/lib/services/people/change-employer";
import { employer, reviewer } from "../support/actors";
import { testDb } from "../support/db";
import { COMMITMENT, freshApplicant, givePhotoAndSignature } from "./fixtures";

/** What was filed stays as filed: the snapshot taken at signing against later changes of the live records. */
const SH = "91310000MA1FL0001R";
const ZJ = "91330100MA2CD0002J";
let db: Database;
beforeAll(() => {
  process.env.PORTAL_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "portal-filed-"));
  db = testDb();
});

const today = () => chinaDate(new Date());
let regCounter = 0;

async function employerRow(uscc: string) {
  const [e] = await db.select().from(s.employers).where(eq(s.employers.uscc, uscc));
  return e!;
}

async function giveRegistration(
  who: Actor,
  programCode: string,
  authorityCode: string,
  uscc: string,
  provinceCode: string,
  validTo: string,
) {
  const [authority] = await db.select().from(s.authorities).where(eq(s.authorities.code, authorityCode));
  const emp = await employerRow(uscc);
  regCounter += 1;
  const number =
    `建[造]${programCode === "cost1" ? "11" : "21"}25${provinceCode}01` +
    `${String((Date.now() + regCounter) % 1_000_000).padStart(6, "0")}`;
  const [reg] = await db
    .insert(s.registrations)
    .values({
      personId: who.personId!,
      programCode,
      specialtyCode: "1",
      registrationNo: number,
      sealNo: `${number}-01`,
      employerId: emp.id,
      employerName: emp.name,
      employerProvinceCode: provinceCode,
      issuingAuthorityId: authority!.id,
      validFrom: addDays(addYears(validTo, -4), 1),
      validTo,
      status: "active",
    })
    .returning();
  return reg!;
}

/** Scans for every attachment the type may require, as the wizard would have uploaded them. */
async function scans(who: Actor, programCode: string, type: ApplicationType) {
  const out: Record<string, string> = {};
  for (const a of getProgram(programCode).attachments[type] ?? []) {
    const [f] = await db
      .insert(s.files)
      .values({
        kind: "scan",
        ownerPersonId: who.personId!,
        mimeType: "image/jpeg",
        byteSize: 1,
        sha256: "0".repeat(64),
        storageKey: `filed/${who.personId}/${a.code}/${Math.random()}`,
        purpose: a.code,
      })
      .returning({ id: s.files.id });
    out[a.code] = f!.id;
  }
  return out;
}

async function lastSmsCode(phone: string) {
  const [row] = await db
    .select()
    .from(s.smsOutbox)
    .where(eq(s.smsOutbox.phone, phone))
    .orderBy(desc(s.smsOutbox.id))
    .limit(1);
  return row!.body.match(/\d{6}/)![0];
}

/** 个人数字签名 through the real PDF path (the form is rendered from the facts it stores). */
async function signWithPdf(who: Actor, applicationId: string, version: number) {
  const [person] = await db.select().from(s.people).where(eq(s.people.id, who.personId!));
  await sendSigningCode(db, who, applicationId);
  return signApplicationForm(db, who, {
    applicationId,
    version,
    code: await lastSmsCode(person!.phone),
    commitment: COMMITMENT,
  });
}

async function pdfText(who: Actor, fileId: string) {
  const file = await readFile(db, who, fileId);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "filed-pdf-"));
  fs.writeFileSync(path.join(dir, "form.pdf"), file.bytes);
  return execFileSync("pdftotext", [path.join(dir, "form.pdf"), "-"]).toString();
}

/** Each authority along the chain accepts, then approves at the last level (forwarding before it). */
async function approveAlongTheChain(applicationId: string) {
  for (let step = 0; step < 8; step++) {
    const [row] = await db.select().from(s.applications).where(eq(s.applications.id, applicationId));
    if (row!.status === "approved") return row!;
    const [authority] = await db.select().from(s.authorities).where(eq(s.authorities.id, row!.authorityId!));
    const rev = await reviewer(db, `${authority!.code}_reviewer`);
    if (row!.status === "pending_acceptance")
      await acceptApplication(db, rev, { applicationId, version: row!.version });
    else if (row!.status === "publicized") await concludeNotice(db, rev, { applicationId, version: row!.version });
    else
      await approveApplication(db, rev, { applicationId, version: row!.version })
        .catch(() => forwardApplication(db, rev, { applicationId, version: row!.version }))
        .catch(() => publishNotice(db, rev, { applicationId, version: row!.version, outcome: "pass" }));
  }
  throw new Error("application was not approved along the chain");
}

describe("what was filed stays as filed", () => {
  const title1 =
    "C1 C2 C3: a 变更注册 picks its new employer in the form, derives 跨省 and keeps the old employer and seal as filed " +
    "after approval";
  it(title1, async () => {
    // 浙江 二级造价工程师 registered with a 浙江 employer moves to a 上海 one.
    const who = await freshApplicant(db, {
      programCode: "cost2-zj",
      specialty: "1",
      employerUscc: ZJ,
      provinceCode: "33",
    });
    await givePhotoAndSignature(db, who.personId!);
    const reg = await giveRegistration(who, "cost2-zj", "zj", ZJ, "33", addYears(today(), 2));
    const [newEmp, oldEmp] = [await employerRow(SH), await employerRow(ZJ)];

    const { applicationId } = await createApplication(db, who, {
      programCode: "cost2-zj",
      type: "change",
      specialtyCode: "1",
    });
    const attachments = await scans(who, "cost2-zj", "change");
    const form = { specialty: "1", employerPhone: "021-63210001", applicantOpinion: true };
    // C2: nothing picked, or the old employer picked, is refused next to the field.
    const none = await saveApplication(db, who, { applicationId, version: 0, formData: form, attachments });
    expect(none.fieldErrors.newEmployerId).toContain("变更后聘用单位");
    const same = await saveApplication(db, who, {
      applicationId,
      version: none.application.version,
      formData: { ...form, newEmployerId: oldEmp.id },
      attachments,
    });
    expect(same.fieldErrors.newEmployerId).toContain("新聘用单位须与原聘用单位不同");
    const saved = await saveApplication(db, who, {
      applicationId,
      version: same.application.version,
      formData: { ...form, newEmployerId: newEmp.id },
      attachments,
    });
    expect(saved.fieldErrors).toEqual({});

    // The draft already shows the derived scope (C1) and the old employer (C2).
    const draft = await applicantApplication(db, who.personId!, applicationId);
    expect(draft!.filedValues.scope).toBe("跨省或跨部门变更");
    expect(draft!.filedValues.previousEmployerName).toBe(oldEmp.name);
    expect(draft!.filedValues.employerName).toBe(newEmp.name);

    const signed = await signWithPdf(who, applicationId, saved.application.version);
    expect(signed.application.subtype).toBe("cross_province");
    expect(signed.application.employerId).toBe(newEmp.id);
    expect(signed.application.filed?.registration?.sealNumber).toBe(reg.sealNo);

    const c = await countersignApplication(db, await employer(db, SH), {
      applicationId,
      version: signed.application.version,
      opinionTicked: true,
    });
    expect(c.application.status).toBe("pending_acceptance");
    const approved = await approveAlongTheChain(applicationId);

    // C3: the live registration now records the new employer and a new seal; the person's employer follows.
    const [live] = await db.select().from(s.registrations).where(eq(s.registrations.id, reg.id));
    expect(live!.employerName).toBe(newEmp.name);
    expect(live!.sealNo).not.toBe(reg.sealNo);
    const [person] = await db.select().from(s.people).where(eq(s.people.id, who.personId!));
    expect(person!.employerId).toBe(newEmp.id);
    expect(approved.outcome?.voided).toEqual([reg.sealNo]);
    expect(approved.outcome?.issued.map((n) => n.sealNumber)).toEqual([live!.sealNo]);

    // …but every view of the application still shows what was filed.
    const forApplicant = await applicantApplication(db, who.personId!, applicationId);
    const forReview = await applicationDetail(db, applicationId);
    for (const v of [forApplicant!.filedValues, forReview!.filedValues]) {
      expect(v.previousEmployerName).toBe(oldEmp.name);
      expect(v.previousSealNumber).toBe(reg.sealNo);
      expect(v.previousValidUntil).toBe(reg.validTo);
      expect(v.employerName).toBe(newEmp.name);
      expect(v.scope).toBe("跨省或跨部门变更");
    }
    const text = await pdfText(who, approved.formPdfFileId!);
    expect(text).toContain(reg.sealNo);
    expect(text).toContain(oldEmp.name);
    expect(text).toContain(newEmp.name);
    expect(text).toContain("跨省或跨部门变更");
    expect(text).not.toContain(live!.sealNo);
  });

  const title2 =
    "X3: an extension's registration fields and CE rows stay as filed when the live registration " + "changes";
  it(title2, async () => {
    const who = await freshApplicant(db, {
      programCode: "cost2-zj",
      specialty: "1",
      employerUscc: ZJ,
      provinceCode: "33",
    });
    await givePhotoAndSignature(db, who.personId!);
    const validTo = addDays(today(), 20);
    const reg = await giveRegistration(who, "cost2-zj", "zj", ZJ, "33", validTo);
    const year = Number(today().slice(0, 4));
    for (let y = year - 4; y <= year; y++) {
      await db.insert(s.continuingEducation).values([
        {
          personId: who.personId!,
          programCode: "cost2-zj",
          specialtyCode: "1",
          year: y,
          category: "required",
          hours: 15,
          trainingDate: `${y}-01-20`,
          provider: "浙江省建设工程造价管理协会",
        },
        {
          personId: who.personId!,
          programCode: "cost2-zj",
          specialtyCode: "1",
          year: y,
          category: "elective",
          hours: 15,
          trainingDate: `${y}-01-21`,
          provider: "浙江省建设工程造价管理协会",
        },
      ]);
    }
    const { applicationId } = await createApplication(db, who, {
      programCode: "cost2-zj",
      type: "extension",
      specialtyCode: "1",
    });
    const ce = [
      {
        specialty: "土木建筑工程",
        compulsoryHours: 60,
        electiveHours: 60,
        trainingDate: `${year}-01-20`,
        provider: "浙江省建设工程造价管理协会",
      },
    ];
    const saved = await saveApplication(db, who, {
      applicationId,
      version: 0,
      formData: {
        specialty: "1",
        employerPhone: "0571-87650002",
        ce,
        workExperience: [{ from: "2016-08-01", to: "", organisation: "浙江华诚工程管理有限公司", role: "造价工程师" }],
        achievements: [year - 3, year - 2, year - 1].map((y) => ({
          year: y,
          project: `杭州项目${y}`,
          duty: "造价负责人",
        })),
        applicantOpinion: true,
      },
      attachments: await scans(who, "cost2-zj", "extension"),
    });
    expect(saved.fieldErrors).toEqual({});
    const signed = await signWithPdf(who, applicationId, saved.application.version);

    // The live registration changes after filing (another office corrects it, a reissue, an employer rename …).
    await db
      .update(s.registrations)
      .set({ sealNo: `${reg.registrationNo}-09`, validTo: addDays(validTo, 100), employerName: "改名后的单位" })
      .where(eq(s.registrations.id, reg.id));

    const forApplicant = await applicantApplication(db, who.personId!, applicationId);
    const forReview = await applicationDetail(db, applicationId);
    for (const v of [forApplicant!.filedValues, forReview!.filedValues]) {
      expect(v.registrationNumber).toBe(reg.registrationNo);
      expect(v.sealNumber).toBe(reg.sealNo);
      expect(v.validUntil).toBe(validTo);
    }
    expect(forReview!.facts.registration?.employerName).toBe(reg.employerName);
    const text = await pdfText(who, signed.application.formPdfFileId!);
    expect(text).toContain(reg.sealNo);
    expect(text).toContain(validTo);
    expect(text).toContain("浙江省建设工程造价管理协会"); // the CE table is printed
    expect(text).not.toContain(`${reg.registrationNo}-09`);
  });

  const title3 =
    "G3: a registered person cannot redirect an application's employer through the profile; the application takes " +
    "the registration's";
  it(title3, async () => {
    const who = await freshApplicant(db, {
      programCode: "cost2-sh",
      specialty: "1",
      employerUscc: SH,
      provinceCode: "31",
    });
    await givePhotoAndSignature(db, who.personId!);
    await giveRegistration(who, "cost2-sh", "sh", SH, "31", addYears(today(), 2));
    const other = await employerRow(ZJ);
    await expect(changeEmployer(db, who, { employerId: other.id })).rejects.toMatchObject({ kind: "refused" });
    // Even with a profile that says otherwise (data from before this rule), the cancellation goes to the
    // registration's employer.
    await db.update(s.people).set({ employerId: other.id }).where(eq(s.people.id, who.personId!));
    const { applicationId } = await createApplication(db, who, {
      programCode: "cost2-sh",
      type: "cancellation",
      specialtyCode: "1",
    });
    const [row] = await db.select().from(s.applications).where(eq(s.applications.id, applicationId));
    expect(row!.employerId).toBe((await employerRow(SH)).id);
  });

  /** A registered 上海 applicant's 证书补办 (印章遗失), saved once with its scans: ready to sign. */
  async function savedReissue() {
    const who = await freshApplicant(db, {
      programCode: "cost2-sh",
      specialty: "1",
      employerUscc: SH,
      provinceCode: "31",
    });
    await givePhotoAndSignature(db, who.personId!);
    await giveRegistration(who, "cost2-sh", "sh", SH, "31", addYears(today(), 2));
    const { applicationId } = await createApplication(db, who, {
      programCode: "cost2-sh",
      type: "reissue",
      specialtyCode: "1",
    });
    const form = { specialty: "1", reason: "seal_lost", applicantOpinion: true };
    const attachments = await scans(who, "cost2-sh", "reissue");
    const saved = await saveApplication(db, who, { applicationId, version: 0, formData: form, attachments });
    return { who, applicationId, form, attachments, saved };
  }

  it("G9: 修改申请表 after signing voids the signed form and its snapshot", async () => {
    const { who, applicationId, saved } = await savedReissue();
    expect(saved.fieldErrors).toEqual({});
    const signed = await signWithPdf(who, applicationId, saved.application.version);
    expect(signed.application.subtype).toBe("seal_lost");
    // S2: the request follows the reason
    expect(await pdfText(who, signed.application.formPdfFileId!)).toContain("更改执业印章号");
    const voided = await voidSignature(db, who, { applicationId, version: signed.application.version });
    expect(voided.application.formPdfFileId).toBeNull();
    expect(voided.application.filed).toBeNull();
    const view = await applicantApplication(db, who.personId!, applicationId);
    expect(view!.files.filter((f) => f.kind === "application_form").map((f) => [f.id, f.purpose])).toEqual([
      [signed.application.formPdfFileId, "voided"],
    ]);
  });

  it("G9: 保存 of an application the employer returned (退回) voids its signed form, as 修改申请表 does", async () => {
    const { who, applicationId, form, attachments, saved } = await savedReissue();
    const signed = await signWithPdf(who, applicationId, saved.application.version);
    const company = await employer(db, SH);
    const returned = await returnApplication(db, company, {
      applicationId,
      version: signed.application.version,
      reason: "请补充说明",
    });
    expect(returned.application.status).toBe("returned");
    // The save reads the row with its last audit link, but a returned application is not a draft: it must take the
    // transaction that voids the signed form (the one-statement save is for drafts only).
    const again = await saveApplication(db, who, {
      applicationId,
      version: returned.application.version,
      formData: form,
      attachments,
    });
    expect(again.application).toMatchObject({ status: "draft", formPdfFileId: null, filed: null });
    const view = await applicantApplication(db, who.personId!, applicationId);
    expect(view!.files.filter((f) => f.kind === "application_form").map((f) => [f.id, f.purpose])).toEqual([
      [signed.application.formPdfFileId, "voided"],
    ]);
  });

  const title4 =
    "N3: an approved ID-number change moves the sign-in to the new type and number; the old no longer works; the " +
    "name follows everywhere";
  it(title4, async () => {
    const who = await freshApplicant(db, {
      programCode: "cost2-sh",
      specialty: "1",
      employerUscc: SH,
      provinceCode: "31",
    });
    await givePhotoAndSignature(db, who.personId!);
    await giveRegistration(who, "cost2-sh", "sh", SH, "31", addYears(today(), 2));
    await db
      .update(s.userAccounts)
      .set({ passwordHash: await hashPassword("Demo2026!") })
      .where(eq(s.userAccounts.id, who.userId));
    const [before] = await db.select().from(s.people).where(eq(s.people.id, who.personId!));
    const first17 = `31010419850715${String(Date.now() % 1000).padStart(3, "0")}`;
    const newNumber = first17 + residentIdCheckChar(first17);

    const { applicationId } = await createApplication(db, who, {
      programCode: "cost2-sh",
      type: "info_change",
      specialtyCode: null,
      infoChangeKind: "important",
    });
    const attachments = await scans(who, "cost2-sh", "info_change");
    const form = { kind: "important", newName: "新名字", reason: "户籍信息更正" };
    // The label instead of the code, a bad check digit, another person's number: each refused next to its field.
    const asLabel = await saveApplication(db, who, {
      applicationId,
      version: 0,
      formData: { ...form, newIdType: "居民身份证", newIdNumber: newNumber },
      attachments,
    });
    expect(asLabel.fieldErrors.newIdType).toBeTruthy();
    const badDigit = await saveApplication(db, who, {
      applicationId,
      version: asLabel.application.version,
      formData: {
        ...form,
        newIdType: "resident_id",
        newIdNumber: `${first17}${residentIdCheckChar(first17) === "0" ? "1" : "0"}`,
      },
      attachments,
    });
    expect(badDigit.fieldErrors.newIdNumber).toContain("校验位");
    const taken = await saveApplication(db, who, {
      applicationId,
      version: badDigit.application.version,
      formData: { ...form, newIdType: "resident_id", newIdNumber: "310101198803150012" },
      attachments,
    });
    expect(taken.fieldErrors.newIdNumber).toContain("另一人员");
    const saved = await saveApplication(db, who, {
      applicationId,
      version: taken.application.version,
      formData: { ...form, newIdType: "resident_id", newIdNumber: newNumber },
      attachments,
    });
    expect(saved.fieldErrors).toEqual({});
    const signed = await signApplication(db, who, {
      applicationId,
      version: saved.application.version,
      commitment: COMMITMENT,
    });
    expect(signed.application.status).toBe("pending_acceptance"); // no employer step
    await approveAlongTheChain(applicationId);

    const ip = `203.0.113.${Date.now() % 200}`;
    const oldLogin = await signIn(db, {
      kind: "applicant",
      loginName: `${before!.idType}:${before!.idNumber}`,
      password: "Demo2026!",
      ip,
    });
    expect(oldLogin.ok).toBe(false);
    const newLogin = await signIn(db, {
      kind: "applicant",
      loginName: `resident_id:${newNumber}`,
      password: "Demo2026!",
      ip,
    });
    expect(newLogin.ok).toBe(true);
    expect(newLogin.ok && newLogin.account.displayName).toBe("新名字");
    expect(newLogin.ok && newLogin.account.personId).toBe(who.personId);
    // The reviewer's and employer's read model shows the new name on new applications.
    const [person] = await db.select().from(s.people).where(eq(s.people.id, who.personId!));
    expect([person!.name, person!.idNumber]).toEqual(["新名字", newNumber]);
  });
});
