/**
 * What the application wizard shows: the form described by the engine for the type (describeForm), read-only values
 * from the verified account, the employer, the registration and the qualification (G10, G3, C2, I5), and the
 * applicant's input — as last saved, or pre-filled from their records (I3) on the first visit.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import * as s from "@/db/schema";
import { describeForm, type FieldSpec } from "@/lib/domain/form-specs";
import type { AttachmentCondition } from "@/lib/domain/programs";
import type { IsoDate } from "@/lib/domain/dates";
import { checkOption, countedCeRecords } from "@/lib/domain/eligibility";
import { snapshotForApplication } from "@/db/rows/filed-facts";
import { loadPersonSnapshot } from "@/db/rows/application-rows";
import { achievementYearsWanted } from "@/lib/domain/record-inputs";
import { achievementsOf, workExperiencesOf } from "./applicant-records";
import type { ApplicantApplication } from "./applicant-applications";

export type WizardField = Omit<FieldSpec, "columns"> & { columns?: WizardField[] };

export type AttachmentSlot = {
  code: string;
  label: string;
  required: boolean;
  when: AttachmentCondition;
  file: { id: string; name: string | null; byteSize: number } | null;
};

export async function wizardForm(db: Executor, d: ApplicantApplication, today: IsoDate) {
  const { app, program, person, qualification } = d;
  const employer = d.facts.employer;
  const snapshot = await snapshotForApplication(db, app);
  const option = checkOption(
    { ...snapshot, applications: snapshot.applications.filter((a) => a.id !== app.id) },
    program,
    app.type,
    app.specialtyCode,
    today,
  );
  const overdue = option.overdue;
  const form = describeForm(program, app.type);
  const fields = form.fields.filter((f) => !(f.when === "overdue" && !overdue)) as WizardField[];

  // Identity, employer and registration values as the application will file them (A1/A2: 增项注册 shows the
  // registration already held, locked; C2: 变更注册 the old employer, seal and validity; C1: its derived scope).
  const readOnly: Record<string, string> = {
    ...d.filedValues,
    specialty: d.specialtyName ?? "",
    qualificationNumber: qualification?.managementNo ?? "",
    qualificationApprovedOn: qualification?.approvalDate ?? "",
  };
  for (const f of fields)
    if (f.deriveFrom) readOnly[f.name] = f.deriveFrom.values[String(app.formData?.[f.deriveFrom.field])] ?? "";

  const saved = app.formData ?? {};
  const values: Record<string, unknown> = {};
  const hasSaved = (name: string) => Object.hasOwn(saved, name);
  for (const f of fields) if (f.source === "input" && hasSaved(f.name)) values[f.name] = saved[f.name];
  // First visit: pre-fill from the person's records (I3), the qualification and the employer.
  // Records are carried over until the draft is signed: on the first visit all of them, later the ones added
  // since the last save (a row the applicant deleted from the form before saving is not brought back).
  const addedSinceSave = (createdAt: Date) => createdAt > app.updatedAt;
  let carriedOver = 0;
  if (fields.some((f) => f.name === "workExperience")) {
    const rows = [...(await workExperiencesOf(db, person.id))]
      .reverse()
      .filter((r) => !hasSaved("workExperience") || addedSinceSave(r.createdAt));
    const mapped = rows.map((r) => ({
      from: r.startDate,
      to: r.endDate ?? "",
      organisation: r.organization,
      role: r.position ?? "",
    }));
    values.workExperience = mergeRows(hasSaved("workExperience") ? saved.workExperience : [], mapped, [
      "from",
      "organisation",
    ]);
    if (hasSaved("workExperience"))
      carriedOver +=
        (values.workExperience as Row[]).length -
        (Array.isArray(saved.workExperience) ? saved.workExperience.length : 0);
  }
  if (fields.some((f) => f.name === "achievements")) {
    const from = achievementYearsWanted(today)[0]!;
    const rows = (await achievementsOf(db, person.id)).filter(
      (r) => r.year >= from && (!hasSaved("achievements") || addedSinceSave(r.createdAt)),
    );
    const mapped = [...rows]
      .sort((a, b) => a.year - b.year)
      .map((r) => ({ year: r.year, project: r.projectName, duty: r.role ?? "" }));
    values.achievements = mergeRows(hasSaved("achievements") ? saved.achievements : [], mapped, ["year", "project"]);
    if (hasSaved("achievements"))
      carriedOver +=
        (values.achievements as Row[]).length - (Array.isArray(saved.achievements) ? saved.achievements.length : 0);
  }
  if (!hasSaved("ce") && fields.some((f) => f.name === "ce") && d.facts.registration) {
    // X3: the CE records the eligibility check counts for this specialty over the registration period.
    values.ce = countedCeRecords(snapshot.ceRecords, app.specialtyCode, d.facts.registration.validFrom, today).map(
      (c) => ({
        specialty: d.specialtyName ?? "",
        compulsoryHours: c.compulsoryHours,
        electiveHours: c.electiveHours,
        trainingDate: c.date,
        provider: c.provider ?? "",
      }),
    );
  }
  if (!hasSaved("qualificationMethod") && fields.some((f) => f.name === "qualificationMethod") && qualification) {
    const m = qualification.obtainedBy === "互认" ? "资格互认" : qualification.obtainedBy;
    values.qualificationMethod = ["考试", "特许", "考核认定", "资格互认"].includes(m) ? m : "";
  }
  if (!hasSaved("employerPhone") && fields.some((f) => f.name === "employerPhone"))
    values.employerPhone = employer?.contactPhone ?? "";
  if (!hasSaved("overdueCe") && overdue) {
    const windowStart = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    values.overdueCe = snapshot.ceRecords
      .filter((c) => c.date >= windowStart && (c.specialty === null || c.specialty === app.specialtyCode))
      .map((c) => ({
        specialty: d.specialtyName ?? "",
        compulsoryHours: c.compulsoryHours,
        electiveHours: c.electiveHours,
        trainingDate: c.date,
        provider: c.provider ?? "",
      }));
  }
  if (!hasSaved("forced") && fields.some((f) => f.name === "forced")) values.forced = app.forcedCancellation;
  if (!hasSaved("kind") && fields.some((f) => f.name === "kind") && app.infoChangeKind)
    values.kind = app.infoChangeKind;

  const savedAttachments = (saved.attachments ?? {}) as Record<string, string | string[]>;
  const ids = Object.values(savedAttachments).flat();
  const files = ids.length
    ? await db
        .select({ id: s.files.id, name: s.files.originalName, byteSize: s.files.byteSize })
        .from(s.files)
        .where(and(inArray(s.files.id, ids), eq(s.files.ownerPersonId, person.id)))
    : [];
  // Conditional attachments (forced cancellation, info change kind) follow what is typed: the form shows them live.
  const attachments: AttachmentSlot[] = form.attachments
    .filter((a) => a.when !== "overdue" || overdue)
    .map((a) => {
      const id = [savedAttachments[a.code]].flat()[0];
      const f = files.find((x) => x.id === id);
      return {
        code: a.code,
        label: a.label,
        required: a.required,
        when: a.when,
        file: f ? { id: f.id, name: f.name, byteSize: f.byteSize } : null,
      };
    });

  return {
    fields,
    readOnly,
    values,
    attachments,
    overdue,
    carriedOver,
    notes: option.notes.map((n) => n.message),
    /** The same notes with their codes, to be said in the reader's language (lib/i18n/filing.ts reasonText). */
    noteReasons: option.notes,
  };
}

type Row = Record<string, unknown>;

/** Saved rows first, then the new ones not already there (same key values). */
function mergeRows(saved: unknown, added: Row[], key: string[]): Row[] {
  const base = Array.isArray(saved) ? (saved as Row[]) : [];
  const sig = (r: Row) => key.map((k) => String(r[k] ?? "")).join("|");
  const known = new Set(base.map(sig));
  return [...base, ...added.filter((r) => !known.has(sig(r)))];
}

/** 新增注册申请: what the person has on file for one program, to show which registrations they can apply for. */
export function applicantSnapshot(db: Executor, personId: string, programCode: string) {
  return loadPersonSnapshot(db, personId, programCode);
}
