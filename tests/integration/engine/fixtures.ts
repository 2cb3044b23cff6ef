import { randomInt } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/services/actor";
import { createApplication } from "@/lib/services/applications/create-application";
import { saveApplication } from "@/lib/services/applications/save-application";
import { signApplication } from "@/lib/services/applications/sign-application";
import { publishNoticeBatch } from "@/lib/services/notices/publish-notice-batch";
import { chinaDate } from "@/lib/server/clock";

export const COMMITMENT = { conditionsTicked: true, committed: true, readingSeconds: 75 };

/** A complete 初始注册 form as the wizard would save it (I3 work records, I5 qualification fields). */
export function initialForm(specialty: string) {
  return {
    specialty,
    employerPhone: "021-63210001",
    qualificationNumber: "2025310200003",
    qualificationApprovedOn: "2025-09-30",
    qualificationMethod: "考试",
    workExperience: [{ from: "2018-05-01", to: "", organisation: "上海建科造价咨询有限公司", role: "造价工程师" }],
    achievements: [
      { year: 2023, project: "临港新片区公共租赁住房项目", duty: "造价负责人" },
      { year: 2024, project: "地铁18号线车站机电安装工程", duty: "结算审核" },
      { year: 2025, project: "市第六人民医院门急诊综合楼", duty: "招标控制价编制" },
    ],
    applicantOpinion: true,
  };
}

/** Gives a person a photo and signature on file (G4) without going through the upload service. */
export async function givePhotoAndSignature(db: Database, personId: string) {
  const [f] = await db
    .insert(s.files)
    .values({
      kind: "photo",
      ownerPersonId: personId,
      mimeType: "image/jpeg",
      byteSize: 1,
      sha256: "0".repeat(64),
      storageKey: `fx/${personId}/photo`,
      state: "kept",
    })
    .returning({ id: s.files.id });
  const [g] = await db
    .insert(s.files)
    .values({
      kind: "signature",
      ownerPersonId: personId,
      mimeType: "image/jpeg",
      byteSize: 1,
      sha256: "0".repeat(64),
      storageKey: `fx/${personId}/signature`,
      state: "kept",
    })
    .returning({ id: s.files.id });
  await db.update(s.people).set({ photoFileId: f!.id, signatureFileId: g!.id }).where(eq(s.people.id, personId));
}

async function scans(db: Database, personId: string, codes: string[]) {
  const out: Record<string, string> = {};
  for (const code of codes) {
    const [f] = await db
      .insert(s.files)
      .values({
        kind: "scan",
        ownerPersonId: personId,
        mimeType: "image/jpeg",
        byteSize: 1,
        sha256: "0".repeat(64),
        storageKey: `fx/${personId}/${code}/${Math.random()}`,
        purpose: code,
      })
      .returning({ id: s.files.id });
    out[code] = f!.id;
  }
  return out;
}

/** Draft → valid save → signed: the application now waits for the employer. Returns its id and version. */
export async function filedInitialApplication(db: Database, who: Actor, programCode: string, specialty: string) {
  await givePhotoAndSignature(db, who.personId!);
  const { applicationId } = await createApplication(db, who, {
    programCode,
    type: "initial",
    specialtyCode: specialty,
  });
  const attachments = await scans(db, who.personId!, [
    "application_form",
    "qualification_certificate",
    "labour_contract",
    "id_document",
  ]);
  const saved = await saveApplication(db, who, {
    applicationId,
    version: 0,
    formData: initialForm(specialty),
    attachments,
  });
  if (Object.keys(saved.fieldErrors).length > 0)
    throw new Error(`fixture form invalid: ${JSON.stringify(saved.fieldErrors)}`);
  const signed = await signApplication(db, who, {
    applicationId,
    version: saved.application.version,
    commitment: COMMITMENT,
  });
  return { applicationId, version: signed.application.version };
}

let counter = 0;
/** A new applicant with an account and a qualification, so each test owns its person (no cross-test G2 blocking). */
export async function freshApplicant(
  db: Database,
  opts: {
    programCode: string;
    specialty: string;
    employerUscc: string;
    provinceCode: string;
    qualifiedOn?: string;
    name?: string;
    hongKong?: boolean;
  },
): Promise<Actor> {
  const { residentIdCheckChar } = await import("@/lib/domain/id-checksums");
  counter += 1;
  const idType = opts.hongKong ? ("hk_surveyor_mutual" as const) : ("resident_id" as const);
  // Test files share one database and each has its own counter: draw numbers at random and skip any already taken.
  let idNumber = "";
  for (;;) {
    const r = (n: number) => randomInt(n);
    const first17 = `${opts.provinceCode}0101199${r(10)}0${r(9) + 1}1${r(10)}${String(r(1000)).padStart(3, "0")}`.slice(
      0,
      17,
    );
    idNumber = opts.hongKong ? `HKQS-T${r(1_000_000)}-${counter}` : first17 + residentIdCheckChar(first17);
    const [taken] = await db
      .select({ id: s.people.id })
      .from(s.people)
      .where(and(eq(s.people.idType, idType), eq(s.people.idNumber, idNumber)));
    if (!taken) break;
  }
  const [employerRow] = await db.select().from(s.employers).where(eq(s.employers.uscc, opts.employerUscc));
  const [person] = await db
    .insert(s.people)
    .values({
      name: opts.name ?? `测试${counter}`,
      gender: "male",
      birthDate: "1990-01-01",
      idType,
      idNumber,
      phone: `1370000${String(counter).padStart(4, "0")}`,
      employerId: employerRow!.id,
      provinceCode: opts.provinceCode,
    })
    .returning({ id: s.people.id });
  const [account] = await db
    .insert(s.userAccounts)
    .values({
      role: "applicant",
      loginName: `${idType}:${idNumber}`,
      displayName: opts.name ?? `测试${counter}`,
      personId: person!.id,
    })
    .returning();
  await db.insert(s.qualifications).values({
    personId: person!.id,
    programCode: opts.programCode,
    specialtyCode: opts.specialty,
    managementNo: `T${Date.now()}${counter}`,
    approvalDate: opts.qualifiedOn ?? "2025-09-30",
    obtainedProvinceCode: opts.provinceCode,
  });
  return { userId: account!.id, role: "applicant", displayName: account!.displayName, personId: person!.id };
}

/**
 * 公示公告: lists a 公示中 application in a notice whose last day is today. Returns that day and a moment after the
 * 公示期 (a day and a half later, so it is tomorrow in China whatever the hour) to conclude at.
 */
export async function listInNoticeEndingToday(db: Database, reviewer: Actor, applicationId: string) {
  const endsOn = chinaDate(new Date());
  await publishNoticeBatch(db, reviewer, { title: "关于注册审查结果的公示", endsOn, applicationIds: [applicationId] });
  return { endsOn, afterNotice: new Date(Date.now() + 36 * 3600_000) };
}
