import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import type { Database } from "@/db/client";
import { addDays, addYears } from "@/lib/domain/dates";
import { chinaDate } from "@/lib/server/clock";
import type { Actor } from "@/lib/services/actor";
import { acceptApplication } from "@/lib/services/applications/accept-application";
import { approveApplication } from "@/lib/services/applications/approve-application";
import { concludeNotice } from "@/lib/services/applications/conclude-notice";
import { countersignApplication } from "@/lib/services/applications/countersign-application";
import { createApplication } from "@/lib/services/applications/create-application";
import { forwardApplication } from "@/lib/services/applications/forward-application";
import { publishNotice } from "@/lib/services/applications/publish-notice";
import { saveApplication } from "@/lib/services/applications/save-application";
import { signApplication } from "@/lib/services/applications/sign-application";
import { employer, reviewer } from "../support/actors";
import { testDb } from "../support/db";
import {
  COMMITMENT,
  filedInitialApplication,
  freshApplicant,
  givePhotoAndSignature,
  listInNoticeEndingToday,
} from "./fixtures";

/**
 * Program-specific rules taken through the real services on PostgreSQL (the engine's unit tests cover them in
 * isolation).
 */
let db: Database;
beforeAll(() => {
  db = testDb();
});

const today = () => chinaDate(new Date());

async function giveRegistration(
  who: Actor,
  programCode: string,
  authorityCode: string,
  employerUscc: string,
  provinceCode: string,
  validTo: string,
) {
  const [authority] = await db.select().from(s.authorities).where(eq(s.authorities.code, authorityCode));
  const [emp] = await db.select().from(s.employers).where(eq(s.employers.uscc, employerUscc));
  const number =
    `建[造]212${provinceCode === "31" ? "5" : "2"}${provinceCode}01` +
    `${String(Date.now() % 1_000_000).padStart(6, "0")}`;
  const [reg] = await db
    .insert(s.registrations)
    .values({
      personId: who.personId!,
      programCode,
      specialtyCode: "1",
      registrationNo: number,
      sealNo: `${number}-01`,
      employerId: emp!.id,
      employerName: emp!.name,
      employerProvinceCode: provinceCode,
      issuingAuthorityId: authority!.id,
      validFrom: addDays(addYears(validTo, -4), 1),
      validTo,
      status: "active",
    })
    .returning();
  return reg!;
}

async function fileAndSign(
  who: Actor,
  programCode: string,
  type: "extension" | "cancellation",
  formData: Record<string, unknown>,
  attachmentCodes: string[],
) {
  await givePhotoAndSignature(db, who.personId!);
  const { applicationId } = await createApplication(db, who, { programCode, type, specialtyCode: "1" });
  const attachments: Record<string, string> = {};
  for (const code of attachmentCodes) {
    const [f] = await db
      .insert(s.files)
      .values({
        kind: "scan",
        ownerPersonId: who.personId!,
        mimeType: "image/jpeg",
        byteSize: 1,
        sha256: "0".repeat(64),
        storageKey: `rules/${applicationId}/${code}`,
      })
      .returning({ id: s.files.id });
    attachments[code] = f!.id;
  }
  const saved = await saveApplication(db, who, { applicationId, version: 0, formData, attachments });
  expect(saved.fieldErrors).toEqual({});
  const signed = await signApplication(db, who, {
    applicationId,
    version: saved.application.version,
    commitment: COMMITMENT,
  });
  return { applicationId, version: signed.application.version };
}

describe("program rules through the services", () => {
  const title1 =
    "P: the 香港地区 route — 香港测量师互认证号 holder, 香港地区 初审, then 中价协, then 住建部 审批, province code 81 in the " +
    "number";
  it(title1, async () => {
    const chen = await freshApplicant(db, {
      programCode: "cost1",
      specialty: "1",
      employerUscc: "91810000HK00000042",
      provinceCode: "81",
      hongKong: true,
    });
    const filed = await filedInitialApplication(db, chen, "cost1", "1");
    const [row] = await db.select().from(s.applications).where(eq(s.applications.id, filed.applicationId));
    expect(row!.route).toBe("hk");
    const c = await countersignApplication(db, await employer(db, "91810000HK00000042"), {
      applicationId: filed.applicationId,
      version: filed.version,
      opinionTicked: true,
    });
    const authority = async (code: string) =>
      (await db.select().from(s.authorities).where(eq(s.authorities.code, code)))[0]!.id;
    expect(c.application.authorityId).toBe(await authority("hk"));
    // The 上海 office has no say on the HK route.
    await expect(
      acceptApplication(db, await reviewer(db, "sh_reviewer"), {
        applicationId: filed.applicationId,
        version: c.application.version,
      }),
    ).rejects.toMatchObject({ kind: "not_found" });
    const hkReviewer = await reviewer(db, "hk_reviewer");
    const a1 = await acceptApplication(db, hkReviewer, {
      applicationId: filed.applicationId,
      version: c.application.version,
    });
    const f1 = await forwardApplication(db, hkReviewer, {
      applicationId: filed.applicationId,
      version: a1.application.version,
    });
    // 中价协 comes between 香港地区 and 住建部: the ministry cannot act yet.
    expect([f1.application.currentLevel, f1.application.authorityId]).toEqual([2, await authority("ceca")]);
    const m = await reviewer(db, "mohurd_reviewer");
    await expect(
      acceptApplication(db, m, { applicationId: filed.applicationId, version: f1.application.version }),
    ).rejects.toMatchObject({ kind: "not_found" });
    const ceca = await reviewer(db, "ceca_reviewer");
    const a2 = await acceptApplication(db, ceca, {
      applicationId: filed.applicationId,
      version: f1.application.version,
    });
    // 中价协 forwards; it does not decide.
    await expect(
      approveApplication(db, ceca, { applicationId: filed.applicationId, version: a2.application.version }),
    ).rejects.toMatchObject({ kind: "refused" });
    const f2 = await forwardApplication(db, ceca, {
      applicationId: filed.applicationId,
      version: a2.application.version,
    });
    expect([f2.application.currentLevel, f2.application.authorityId]).toEqual([3, await authority("mohurd")]);
    const a3 = await acceptApplication(db, m, {
      applicationId: filed.applicationId,
      version: f2.application.version,
    });
    const p = await publishNotice(db, m, {
      applicationId: filed.applicationId,
      version: a3.application.version,
      outcome: "pass",
    });
    const { afterNotice } = await listInNoticeEndingToday(db, m, filed.applicationId);
    await concludeNotice(db, m, { applicationId: filed.applicationId, version: p.application.version }, afterNotice);
    const [reg] = await db
      .select()
      .from(s.registrations)
      .where(eq(s.registrations.sourceApplicationId, filed.applicationId));
    expect(reg!.registrationNo).toMatch(/^建\[造\]11\d{2}81\d{8}$/);
    const forwards = await db
      .select({ id: s.applicationEvents.id })
      .from(s.applicationEvents)
      .where(
        and(eq(s.applicationEvents.applicationId, filed.applicationId), eq(s.applicationEvents.action, "forward")),
      );
    expect(forwards).toHaveLength(2); // 香港地区 → 中价协 → 住建部
  });

  const title2 =
    "P: 浙江 issues the certificate automatically once the employer has sealed and the system judges the applicant " +
    "eligible";
  it(title2, async () => {
    const who = await freshApplicant(db, {
      programCode: "cost2-zj",
      specialty: "1",
      employerUscc: "91330100MA2CD0002J",
      provinceCode: "33",
    });
    const filed = await filedInitialApplication(db, who, "cost2-zj", "1");
    const done = await countersignApplication(db, await employer(db, "91330100MA2CD0002J"), {
      applicationId: filed.applicationId,
      version: filed.version,
      opinionTicked: true,
    });
    expect(done.application.status).toBe("approved");
    expect(done.application.decidedWithoutReview).toBe(true);
    const [reg] = await db
      .select()
      .from(s.registrations)
      .where(eq(s.registrations.sourceApplicationId, filed.applicationId));
    const [zj] = await db.select().from(s.authorities).where(eq(s.authorities.code, "zj"));
    expect(reg!.issuingAuthorityId).toBe(zj!.id);
    expect(reg!.registrationNo).toMatch(/^建\[造\]21\d{2}33\d{8}$/);
  });

  const title3 =
    "K3: 上海 cancellation completes on the employer's signature; the registration is cancelled, the qualification " +
    "kept";
  it(title3, async () => {
    const who = await freshApplicant(db, {
      programCode: "cost2-sh",
      specialty: "1",
      employerUscc: "91310000MA1FL0001R",
      provinceCode: "31",
    });
    const reg = await giveRegistration(who, "cost2-sh", "sh", "91310000MA1FL0001R", "31", addYears(today(), 2));
    const filed = await fileAndSign(
      who,
      "cost2-sh",
      "cancellation",
      {
        specialty: "1",
        reason: "已与聘用单位解除劳动关系",
        applicantStatement: "本人申请注销",
        employerPhone: "021-63210001",
      },
      [],
    );
    const done = await countersignApplication(db, await employer(db, "91310000MA1FL0001R"), {
      applicationId: filed.applicationId,
      version: filed.version,
      opinionTicked: true,
    });
    expect(done.application.status).toBe("approved");
    const [after] = await db.select().from(s.registrations).where(eq(s.registrations.id, reg.id));
    expect(after!.status).toBe("cancelled");
    const quals = await db
      .select()
      .from(s.qualifications)
      .where(and(eq(s.qualifications.personId, who.personId!), eq(s.qualifications.programCode, "cost2-sh")));
    expect(quals).toHaveLength(1);
  });

  it("X4: an approved extension adds the validity period to the old expiry", async () => {
    const who = await freshApplicant(db, {
      programCode: "cost2-zj",
      specialty: "1",
      employerUscc: "91330100MA2CD0002J",
      provinceCode: "33",
    });
    const validTo = addDays(today(), 20); // inside 浙江's 30-day window (X1)
    const reg = await giveRegistration(who, "cost2-zj", "zj", "91330100MA2CD0002J", "33", validTo);
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
          trainingDate: `${y}-05-20`,
          provider: "浙江省建设工程造价管理协会",
        },
        {
          personId: who.personId!,
          programCode: "cost2-zj",
          specialtyCode: "1",
          year: y,
          category: "elective",
          hours: 15,
          trainingDate: `${y}-09-12`,
          provider: "浙江省建设工程造价管理协会",
        },
      ]);
    }
    const filed = await fileAndSign(
      who,
      "cost2-zj",
      "extension",
      {
        specialty: "1",
        employerPhone: "0571-87650002",
        ce: [
          {
            specialty: "土木建筑工程",
            compulsoryHours: 60,
            electiveHours: 60,
            trainingDate: `${year}-05-20`,
            provider: "浙江省建设工程造价管理协会",
          },
        ],
        workExperience: [{ from: "2016-08-01", to: "", organisation: "浙江华诚工程管理有限公司", role: "造价工程师" }],
        achievements: [2023, 2024, 2025].map((y) => ({ year: y, project: `杭州项目${y}`, duty: "造价负责人" })),
        applicantOpinion: true,
      },
      ["application_form"],
    );
    const c = await countersignApplication(db, await employer(db, "91330100MA2CD0002J"), {
      applicationId: filed.applicationId,
      version: filed.version,
      opinionTicked: true,
    });
    expect(c.application.status).toBe("pending_acceptance"); // 浙江 automates initial/增项 only
    const zj = await reviewer(db, "zj_reviewer");
    const a = await acceptApplication(db, zj, { applicationId: filed.applicationId, version: c.application.version });
    await approveApplication(db, zj, { applicationId: filed.applicationId, version: a.application.version });
    const [after] = await db.select().from(s.registrations).where(eq(s.registrations.id, reg.id));
    expect(after!.validTo).toBe(addYears(validTo, 4));
    expect(after!.registrationNo).toBe(reg.registrationNo);
  });
});
