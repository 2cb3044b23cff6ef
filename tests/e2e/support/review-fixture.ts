/**
 * Creates an application for the employer/reviewer browser tests by calling the real services against the e2e
 * database (same PORTAL_DATA_DIR as the server, so the signed PDFs it stores are the ones the server serves).
 *
 *   npx tsx tests/e2e/support/review-fixture.ts '{"name":"企确甲","stage":"signed"}'
 *
 * Prints one JSON line: { applicationId, acceptanceNo, personName, idNumber, version, status }.
 * Stages: signed (待企业确认) → countersigned (待受理 at the first authority) → accepted (审查中); or
 * withdrawal_requested (countersigned, then the applicant asks to withdraw: W2, programs that need the employer's
 * consent).
 */
import { desc, eq } from "drizzle-orm";
import sharp from "sharp";
import { closeDb, getDb } from "@/db/client";
import * as s from "@/db/schema";
import { residentIdCheckChar } from "@/lib/domain/id-checksums";
import type { Actor } from "@/lib/services/actor";
import { acceptApplication } from "@/lib/services/applications/accept-application";
import { createApplication } from "@/lib/services/applications/create-application";
import { saveApplication } from "@/lib/services/applications/save-application";
import { withdrawApplication } from "@/lib/services/applications/withdraw-application";
import { countersignApplicationForm } from "@/lib/services/documents/countersign-application-form";
import { sendSigningCode, signApplicationForm } from "@/lib/services/documents/sign-application-form";
import { uploadFile } from "@/lib/services/files/upload-file";
import { e2eDatabaseUrl } from "./database";
import { E2E_AUDIT_HMAC_KEY } from "./secrets";

type Spec = {
  name: string;
  stage?: "signed" | "countersigned" | "accepted" | "withdrawal_requested";
  programCode?: string;
  specialty?: string;
  employerUscc?: string;
  provinceCode?: string;
  reviewer?: string;
  socialInsuranceAnomaly?: boolean;
  /** A 香港测量师互认证号 holder: 一级造价 files on the 香港地区 route. */
  hongKong?: boolean;
};

process.env.DATABASE_URL = e2eDatabaseUrl();
process.env.PORTAL_DATA_DIR ??= "test-results/e2e-data";
process.env.AUDIT_HMAC_KEY = E2E_AUDIT_HMAC_KEY; // the server's key: these events join its audit chains

const spec = JSON.parse(process.argv[2] ?? "{}") as Spec;
const programCode = spec.programCode ?? "cost2-sh";
const specialty = spec.specialty ?? "1";
const employerUscc = spec.employerUscc ?? "91310000MA1FL0001R";
const provinceCode = spec.provinceCode ?? "31";
const db = getDb();

async function actorOf(role: Actor["role"], loginName: string): Promise<Actor> {
  const [a] = await db.select().from(s.userAccounts).where(eq(s.userAccounts.loginName, loginName));
  if (!a || a.role !== role) throw new Error(`no ${role} account ${loginName}`);
  return {
    userId: a.id,
    role: a.role,
    displayName: a.displayName,
    personId: a.personId,
    employerId: a.employerId,
    authorityId: a.authorityId,
  };
}

function randomIdNumber(): string {
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, "0");
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, "0");
  const seq = String(Math.floor(Math.random() * 1000)).padStart(3, "0");
  const first17 = `${provinceCode}0101198${Math.floor(Math.random() * 10)}${month}${day}${seq}`;
  return first17 + residentIdCheckChar(first17);
}

const jpeg = (w: number, h: number, color: string, label: string) =>
  sharp({ create: { width: w, height: h, channels: 3, background: color } })
    .composite([
      {
        input: Buffer.from(
          `<svg width="${w}" height="${h}"><rect x="10" y="10" width="${w - 20}" height="${h - 20}" fill="none" ` +
            `stroke="#0b4f9c" stroke-width="4"/><text x="50%" y="50%" font-size="${Math.round(w / 12)}" ` +
            `text-anchor="middle" fill="#0b4f9c">${label}</text></svg>`,
        ),
      },
    ])
    .jpeg({ quality: 80 })
    .toBuffer();

const [employer] = await db.select().from(s.employers).where(eq(s.employers.uscc, employerUscc));
const idType = spec.hongKong ? ("hk_surveyor_mutual" as const) : ("resident_id" as const);
const idNumber = spec.hongKong ? `HKQS-E2E-${Date.now() % 1_000_000}` : randomIdNumber();
const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
const [person] = await db
  .insert(s.people)
  .values({
    name: spec.name,
    gender: "female",
    birthDate: "1990-05-01",
    idType,
    idNumber,
    phone,
    employerId: employer!.id,
    provinceCode,
    education: "本科",
    school: "同济大学",
    major: "工程管理",
    title: "工程师",
  })
  .returning();
const [account] = await db
  .insert(s.userAccounts)
  .values({ role: "applicant", loginName: `${idType}:${idNumber}`, displayName: spec.name, personId: person!.id })
  .returning();
await db.insert(s.qualifications).values({
  personId: person!.id,
  programCode,
  specialtyCode: specialty,
  managementNo: `E2E${Date.now()}`,
  approvalDate: "2025-09-30",
  obtainedProvinceCode: provinceCode,
});
const who: Actor = { userId: account!.id, role: "applicant", displayName: spec.name, personId: person!.id };

const photo = await uploadFile(db, who, {
  kind: "photo",
  programCode,
  fileName: "photo.jpg",
  bytes: await jpeg(295, 413, "#dfe8f3", "照片"),
});
const signature = await uploadFile(db, who, {
  kind: "signature",
  programCode,
  fileName: "sign.jpg",
  bytes: await jpeg(405, 162, "#ffffff", spec.name),
});
await db
  .update(s.people)
  .set({ photoFileId: photo.fileId, signatureFileId: signature.fileId })
  .where(eq(s.people.id, person!.id));

const { applicationId } = await createApplication(db, who, { programCode, type: "initial", specialtyCode: specialty });
const attachments: Record<string, string> = {};
const labels: Record<string, string> = {
  application_form: "申请表",
  qualification_certificate: "资格证书",
  labour_contract: "劳动合同",
  id_document: "身份证",
};
for (const code of Object.keys(labels)) {
  attachments[code] = (
    await uploadFile(db, who, {
      kind: "scan",
      programCode,
      fileName: `${code}.jpg`,
      bytes: await jpeg(600, 800, "#f4f4f4", labels[code]!),
      applicationId,
    })
  ).fileId;
}
const form = {
  specialty,
  employerPhone: employer!.contactPhone,
  qualificationNumber: "2025310200003",
  qualificationApprovedOn: "2025-09-30",
  qualificationMethod: "考试",
  workExperience: [{ from: "2018-05-01", to: "", organisation: employer!.name, role: "造价工程师" }],
  achievements: [
    { year: 2023, project: "临港新片区公共租赁住房项目", duty: "造价负责人" },
    { year: 2024, project: "地铁18号线车站机电安装工程", duty: "结算审核" },
    { year: 2025, project: "市第六人民医院门急诊综合楼", duty: "招标控制价编制" },
  ],
  applicantOpinion: true,
};
const saved = await saveApplication(db, who, { applicationId, version: 0, formData: form, attachments });
if (Object.keys(saved.fieldErrors).length) throw new Error(`form invalid: ${JSON.stringify(saved.fieldErrors)}`);
await sendSigningCode(db, who, applicationId);
const [sms] = await db
  .select()
  .from(s.smsOutbox)
  .where(eq(s.smsOutbox.phone, phone))
  .orderBy(desc(s.smsOutbox.id))
  .limit(1);
let out = await signApplicationForm(db, who, {
  applicationId,
  version: saved.application.version,
  code: sms!.body.match(/\d{6}/)![0],
  commitment: { conditionsTicked: true, committed: true, readingSeconds: 75 },
});
if (spec.socialInsuranceAnomaly) {
  await db.update(s.applications).set({ socialInsuranceAnomaly: true }).where(eq(s.applications.id, applicationId));
}
if (spec.stage === "countersigned" || spec.stage === "accepted" || spec.stage === "withdrawal_requested") {
  out = await countersignApplicationForm(db, await actorOf("employer", employerUscc), {
    applicationId,
    version: out.application.version,
    opinionTicked: true,
    opinion: "同意申报，情况属实",
  });
}
if (spec.stage === "accepted") {
  out = await acceptApplication(db, await actorOf("reviewer", spec.reviewer ?? "sh_reviewer2"), {
    applicationId,
    version: out.application.version,
    opinion: "材料齐全，予以受理",
  });
}
if (spec.stage === "withdrawal_requested") {
  out = await withdrawApplication(db, who, { applicationId, version: out.application.version });
}
console.log(
  JSON.stringify({
    applicationId,
    acceptanceNo: out.application.acceptanceNo,
    personName: spec.name,
    idNumber,
    version: out.application.version,
    status: out.application.status,
  }),
);
await closeDb();
