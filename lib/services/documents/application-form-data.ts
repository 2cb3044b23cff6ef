import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import * as s from "@/db/schema";
import { APPLICATION_TYPE_LABELS } from "@/lib/domain/application-types";
import { FORM_FIELDS } from "@/lib/domain/form-specs";
import { filedFieldValues, type FiledFacts } from "@/lib/domain/filed-facts";
import { findSpecialty, getProgram } from "@/lib/domain/programs";
import { provinceName } from "@/lib/domain/provinces";
import { ID_DOCUMENT_TYPE_LABELS } from "@/lib/domain/types";
import type { ApplicationFormData } from "@/lib/server/pdf/application-form";
import { readBytes } from "@/lib/server/storage";
import { factsOf } from "@/db/rows/filed-facts";
import type { ApplicationRow } from "@/db/rows/application-rows";

const GENDER = { male: "男", female: "女" } as const;

async function fileBytes(db: Executor, id: string | null | undefined): Promise<Uint8Array | undefined> {
  if (!id) return undefined;
  const [f] = await db.select({ storageKey: s.files.storageKey }).from(s.files).where(eq(s.files.id, id));
  return f ? readBytes(f.storageKey).catch(() => undefined) : undefined;
}

const text = (v: unknown) => (v === undefined || v === null ? "" : String(v));
type Row = Record<string, unknown>;
const rows = (v: unknown): Row[] => (Array.isArray(v) ? (v.filter((r) => r && typeof r === "object") as Row[]) : []);

/**
 * Everything printed on the application form, from the records as saved (F2): identity from the verified account
 * (G10), the employer, the qualification, the form's own rows and the attachment list.
 */
export async function applicationFormData(
  db: Executor,
  app: ApplicationRow,
  generatedAt: Date,
  filed?: FiledFacts,
): Promise<ApplicationFormData> {
  const program = getProgram(app.programCode);
  const [person] = await db.select().from(s.people).where(eq(s.people.id, app.personId));
  if (!person) throw new Error(`person ${app.personId} missing`);
  // What was filed stays as filed: the facts frozen at signing (or the ones about to be frozen).
  const facts = filed ?? (await factsOf(db, app));
  const employer = facts.employer;
  const [qualification] = app.specialtyCode
    ? await db
        .select()
        .from(s.qualifications)
        .where(
          and(
            eq(s.qualifications.personId, app.personId),
            eq(s.qualifications.programCode, app.programCode),
            eq(s.qualifications.specialtyCode, app.specialtyCode),
          ),
        )
    : [];
  const form = app.formData;
  const attachmentIds = Object.values((form.attachments as Record<string, string | string[]>) ?? {}).flat();
  const attachmentFiles = attachmentIds.length
    ? await db
        .select({ id: s.files.id, purpose: s.files.purpose, originalName: s.files.originalName })
        .from(s.files)
        .where(inArray(s.files.id, attachmentIds))
        .orderBy(asc(s.files.createdAt))
    : [];
  const attachmentLabels = new Map((program.attachments[app.type] ?? []).map((a) => [a.code, a.label]));
  const attachmentCodes = Object.entries((form.attachments as Record<string, string | string[]>) ?? {});

  // Every field the type's form shows that is not printed elsewhere: the auto-filled registration fields and the
  // derived ones (变更类型, 更改/补办要求) as filed, then what the applicant entered.
  const printedElsewhere = new Set([
    "specialty",
    "employerName",
    "employerUscc",
    "employerPhone",
    "qualificationNumber",
    "qualificationApprovedOn",
    "applicantOpinion",
    "attachments",
  ]);
  const values = filedFieldValues(app.type, facts);
  const extra = FORM_FIELDS[app.type]
    .filter(
      (f) =>
        (f.source === "input" || f.source === "registration" || f.source === "derived") &&
        !printedElsewhere.has(f.name) &&
        f.kind !== "table" &&
        f.kind !== "employer",
    )
    .map((f) => {
      if (f.deriveFrom) return { label: f.label, value: f.deriveFrom.values[text(form[f.deriveFrom.field])] ?? "" };
      if (f.source !== "input") return { label: f.label, value: values[f.name] ?? "" };
      const raw = form[f.name];
      const option = f.options?.find((o) => o.value === raw);
      return { label: f.label, value: typeof raw === "boolean" ? (raw ? "是" : "否") : (option?.label ?? text(raw)) };
    })
    .filter((r) => r.value !== "");
  const identity = facts.identity;

  return {
    programName: program.name,
    typeLabel: APPLICATION_TYPE_LABELS[app.type],
    acceptanceNo: app.acceptanceNo ?? "（签名后生成）",
    generatedAt,
    applicant: {
      name: identity.name,
      gender: GENDER[identity.gender],
      birthDate: identity.birthDate,
      idType: ID_DOCUMENT_TYPE_LABELS[identity.idType],
      idNumber: identity.idNumber,
      phone: identity.phone,
      address: person.address ?? undefined,
      education: person.education ?? undefined,
      school: person.school ?? undefined,
      major: person.major ?? undefined,
      professionalTitle: person.title ?? undefined,
    },
    photo: await fileBytes(db, person.photoFileId),
    signatureImage: await fileBytes(db, person.signatureFileId),
    employer: {
      name: employer?.name ?? "",
      creditCode: employer?.uscc ?? "",
      phone: text(form.employerPhone) || employer?.contactPhone || "",
    },
    registration: {
      specialty: app.specialtyCode ? (findSpecialty(program, app.specialtyCode)?.name ?? app.specialtyCode) : "—",
      qualificationCertificateNo: text(form.qualificationNumber) || qualification?.managementNo,
      approvalDate: text(form.qualificationApprovedOn) || qualification?.approvalDate,
      qualificationPlace: qualification?.obtainedProvinceCode
        ? provinceName(qualification.obtainedProvinceCode)
        : undefined,
      extra,
    },
    // I2 overdue CE or X3 the extension's CE rows, as filed.
    continuingEducation: [...rows(form.overdueCe), ...(app.type === "extension" ? rows(form.ce) : [])].map((r) => ({
      specialty: text(r.specialty),
      requiredHours: text(r.compulsoryHours),
      electiveHours: text(r.electiveHours),
      trainingDate: text(r.trainingDate),
      provider: text(r.provider),
    })),
    workExperience: rows(form.workExperience).map((r) => ({
      period: `${text(r.from)} 至 ${text(r.to) || "今"}`,
      employer: text(r.organisation),
      position: text(r.role),
    })),
    achievements: rows(form.achievements).map((r) => ({
      period: text(r.year),
      projectName: text(r.project),
      role: text(r.duty),
    })),
    attachments: attachmentCodes.map(([code, ids]) => {
      const first = attachmentFiles.find((f) => (Array.isArray(ids) ? ids : [ids]).includes(f.id));
      return { name: attachmentLabels.get(code) ?? code, fileName: first?.originalName ?? undefined };
    }),
  };
}
