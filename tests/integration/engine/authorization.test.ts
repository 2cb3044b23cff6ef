import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import type { Database } from "@/db/client";
import { acceptApplication } from "@/lib/services/applications/accept-application";
import { countersignApplication } from "@/lib/services/applications/countersign-application";
import { withdrawApplication } from "@/lib/services/applications/withdraw-application";
import { saveApplication } from "@/lib/services/applications/save-application";
import { createApplication } from "@/lib/services/applications/create-application";
import { signApplication } from "@/lib/services/applications/sign-application";
import { employer, reviewer } from "../support/actors";
import { testDb } from "../support/db";
import { COMMITMENT, filedInitialApplication, freshApplicant, givePhotoAndSignature, initialForm } from "./fixtures";

const SH_EMPLOYER = "91310000MA1FL0001R";
const ZJ_EMPLOYER = "91330100MA2CD0002J";
let db: Database;
beforeAll(() => {
  db = testDb();
});

describe("deny by default: anyone else gets 'not found'", () => {
  it("another applicant cannot save, withdraw or even learn of someone's application", async () => {
    const owner = await freshApplicant(db, {
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
    const filed = await filedInitialApplication(db, owner, "cost2-sh", "1");
    await expect(
      withdrawApplication(db, other, { applicationId: filed.applicationId, version: filed.version }),
    ).rejects.toMatchObject({ kind: "not_found" });
    await expect(
      saveApplication(db, other, { applicationId: filed.applicationId, version: filed.version, formData: {} }),
    ).rejects.toMatchObject({ kind: "not_found" });
  });

  const title1 =
    "an employer acts only on its own staff's signed applications; drafts stay private to the applicant " + "(G9)";
  it(title1, async () => {
    const owner = await freshApplicant(db, {
      programCode: "cost2-sh",
      specialty: "1",
      employerUscc: SH_EMPLOYER,
      provinceCode: "31",
    });
    await givePhotoAndSignature(db, owner.personId!);
    const { applicationId } = await createApplication(db, owner, {
      programCode: "cost2-sh",
      type: "initial",
      specialtyCode: "1",
    });
    const sh = await employer(db, SH_EMPLOYER);
    // A draft: not visible to the employer at all.
    await expect(
      countersignApplication(db, sh, { applicationId, version: 0, opinionTicked: true }),
    ).rejects.toMatchObject({ kind: "not_found" });
    const other = await freshApplicant(db, {
      programCode: "cost2-sh",
      specialty: "1",
      employerUscc: SH_EMPLOYER,
      provinceCode: "31",
    });
    const filed = await filedInitialApplication(db, other, "cost2-sh", "1");
    const zj = await employer(db, ZJ_EMPLOYER);
    await expect(
      countersignApplication(db, zj, {
        applicationId: filed.applicationId,
        version: filed.version,
        opinionTicked: true,
      }),
    ).rejects.toMatchObject({ kind: "not_found" });
  });

  it("a reviewer sees only its authority's queue, and nothing still at the employer", async () => {
    const who = await freshApplicant(db, {
      programCode: "cost2-sh",
      specialty: "1",
      employerUscc: SH_EMPLOYER,
      provinceCode: "31",
    });
    const filed = await filedInitialApplication(db, who, "cost2-sh", "1");
    const sh = await reviewer(db, "sh_reviewer");
    await expect(
      acceptApplication(db, sh, { applicationId: filed.applicationId, version: filed.version }),
    ).rejects.toMatchObject({ kind: "not_found" });
    const c = await countersignApplication(db, await employer(db, SH_EMPLOYER), {
      applicationId: filed.applicationId,
      version: filed.version,
      opinionTicked: true,
    });
    const zj = await reviewer(db, "zj_reviewer");
    await expect(
      acceptApplication(db, zj, { applicationId: filed.applicationId, version: c.application.version }),
    ).rejects.toMatchObject({ kind: "not_found" });
    await expect(
      acceptApplication(db, sh, { applicationId: filed.applicationId, version: c.application.version }),
    ).resolves.toBeTruthy();
  });

  it("segregation of duties: a reviewer who is the applicant cannot review their own application", async () => {
    const who = await freshApplicant(db, {
      programCode: "cost2-sh",
      specialty: "1",
      employerUscc: SH_EMPLOYER,
      provinceCode: "31",
    });
    const filed = await filedInitialApplication(db, who, "cost2-sh", "1");
    const c = await countersignApplication(db, await employer(db, SH_EMPLOYER), {
      applicationId: filed.applicationId,
      version: filed.version,
      opinionTicked: true,
    });
    const [sh] = await db.select().from(s.authorities).where(eq(s.authorities.code, "sh"));
    const [account] = await db
      .insert(s.userAccounts)
      .values({
        role: "reviewer",
        loginName: `conflicted_${Date.now()}`,
        displayName: "回避测试审核员",
        authorityId: sh!.id,
        personId: who.personId,
      })
      .returning();
    const conflicted = {
      userId: account!.id,
      role: "reviewer" as const,
      displayName: account!.displayName,
      authorityId: sh!.id,
      personId: who.personId,
    };
    await expect(
      acceptApplication(db, conflicted, { applicationId: filed.applicationId, version: c.application.version }),
    ).rejects.toMatchObject({
      kind: "refused",
      message: expect.stringMatching(/回避/),
    });
  });

  it("a stale version is a conflict even when the action would still be allowed", async () => {
    const who = await freshApplicant(db, {
      programCode: "cost2-sh",
      specialty: "1",
      employerUscc: SH_EMPLOYER,
      provinceCode: "31",
    });
    await givePhotoAndSignature(db, who.personId!);
    const { applicationId } = await createApplication(db, who, {
      programCode: "cost2-sh",
      type: "initial",
      specialtyCode: "1",
    });
    await saveApplication(db, who, { applicationId, version: 0, formData: initialForm("1") });
    await expect(
      saveApplication(db, who, { applicationId, version: 0, formData: initialForm("1") }),
    ).rejects.toMatchObject({ kind: "conflict" });
  });
});

describe("eligibility is checked again when signing", () => {
  it("G4: a draft saved with a photo on file cannot be signed once the photo is gone", async () => {
    const who = await freshApplicant(db, {
      programCode: "cost2-sh",
      specialty: "1",
      employerUscc: SH_EMPLOYER,
      provinceCode: "31",
    });
    await givePhotoAndSignature(db, who.personId!);
    const { applicationId } = await createApplication(db, who, {
      programCode: "cost2-sh",
      type: "initial",
      specialtyCode: "1",
    });
    const attachments: Record<string, string> = {};
    for (const code of ["application_form", "qualification_certificate", "labour_contract", "id_document"]) {
      const [f] = await db
        .insert(s.files)
        .values({
          kind: "scan",
          ownerPersonId: who.personId!,
          mimeType: "image/jpeg",
          byteSize: 1,
          sha256: "0".repeat(64),
          storageKey: `g4/${applicationId}/${code}`,
        })
        .returning({ id: s.files.id });
      attachments[code] = f!.id;
    }
    const saved = await saveApplication(db, who, {
      applicationId,
      version: 0,
      formData: initialForm("1"),
      attachments,
    });
    expect(saved.fieldErrors).toEqual({});
    await db.update(s.people).set({ photoFileId: null }).where(eq(s.people.id, who.personId!));
    await expect(
      signApplication(db, who, { applicationId, version: saved.application.version, commitment: COMMITMENT }),
    ).rejects.toMatchObject({
      kind: "refused",
      message: expect.stringMatching(/请先在「基本信息修改」中上传一寸照片/),
    });
  });
});
