/**
 * 工作经历填写 / 工作业绩填写 / 继续教育填写 (`000`/`001` §三.1(5)): the person keeps their own records, which the
 * application form is pre-filled from (I3) and eligibility counts (I2, X3). Only the person's own rows can be read or
 * changed: anything else is reported as not found (deny by default). CE linked from the association's platform
 * (`source = ceca`, `000`: 系统会自动关联) is read-only.
 */
import { and, eq } from "drizzle-orm";
import { isUuid } from "@/lib/domain/ids";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { findProgram, findSpecialty } from "@/lib/domain/programs";
import { chinaDate } from "@/lib/server/clock";
import { messagesFor, type Messages } from "@/lib/i18n/catalog";
import type { Actor } from "../actor";
import { type Text, invalid, notFound, refused, say } from "../errors";
import {
  achievementSchema,
  continuingEducationSchema,
  recordFieldErrors,
  workExperienceSchema,
  type AchievementInput,
  type ContinuingEducationInput,
  type WorkExperienceInput,
} from "@/lib/domain/record-inputs";

function personOf(actor: Actor): string {
  if (actor.role !== "applicant" || !actor.personId) throw notFound("page");
  return actor.personId;
}

function parse<T>(result: { success: true; data: T } | { success: false; error: import("zod").ZodError }): T {
  if (!result.success) throw invalid(say("records.invalid"), recordFieldTexts(result.error));
  return result.data;
}

const RECORD_FIELDS = new Set<string>(Object.keys(messagesFor("zh-CN").errors.records.field));
type RecordField = keyof Messages["errors"]["records"]["field"];

/**
 * The record forms' field messages (lib/domain/record-inputs.ts, Chinese, shared with the browser) for any reader:
 * the Chinese as the schema wrote it, and the same check said from the issue (its code, bounds and `params.check`).
 */
function recordFieldTexts(error: import("zod").ZodError): Record<string, Text> {
  const zh = recordFieldErrors(error);
  const out: Record<string, Text> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "_");
    if (field in out) continue;
    const message = zh[field] ?? issue.message;
    if (!RECORD_FIELDS.has(field)) {
      out[field] = message;
      continue;
    }
    const label = say(`records.field.${field as RecordField}`);
    const params = (issue as { params?: { check?: string; min?: number; max?: number } }).params;
    const check = issue.code === "custom" ? params?.check : undefined;
    out[field] =
      issue.code === "too_big"
        ? say("records.check.tooLong", { label, max: Number(issue.maximum) }, message)
        : check === "date"
          ? say("records.check.date", { label }, message)
          : check === "integer"
            ? say("records.check.integer", { label }, message)
            : check === "range"
              ? say("records.check.range", { label, min: params?.min ?? 0, max: params?.max ?? 0 }, message)
              : check === "endBeforeStart"
                ? say("records.check.endBeforeStart", {}, message)
                : say("records.check.required", { label }, message);
  }
  return out;
}

// --- 工作经历 -------------------------------------------------------------------------------------------------

export async function addWorkExperience(db: Database, actor: Actor, input: WorkExperienceInput) {
  const personId = personOf(actor);
  const v = parse(workExperienceSchema.safeParse(input));
  const [row] = await db
    .insert(s.workExperiences)
    .values({ personId, ...v })
    .returning({ id: s.workExperiences.id });
  return { id: row!.id };
}

export async function updateWorkExperience(db: Database, actor: Actor, id: string, input: WorkExperienceInput) {
  const personId = personOf(actor);
  if (!isUuid(id)) throw notFound("workHistory");
  const v = parse(workExperienceSchema.safeParse(input));
  const rows = await db
    .update(s.workExperiences)
    .set(v)
    .where(and(eq(s.workExperiences.id, id), eq(s.workExperiences.personId, personId)))
    .returning({ id: s.workExperiences.id });
  if (rows.length === 0) throw notFound("workHistory");
  return { id };
}

export async function deleteWorkExperience(db: Database, actor: Actor, id: string) {
  const personId = personOf(actor);
  if (!isUuid(id)) throw notFound("workHistory");
  const rows = await db
    .delete(s.workExperiences)
    .where(and(eq(s.workExperiences.id, id), eq(s.workExperiences.personId, personId)))
    .returning({ id: s.workExperiences.id });
  if (rows.length === 0) throw notFound("workHistory");
  return { id };
}

// --- 工作业绩 -------------------------------------------------------------------------------------------------

const currentYear = (now: Date) => Number(chinaDate(now).slice(0, 4));

export async function addAchievement(db: Database, actor: Actor, input: AchievementInput, now = new Date()) {
  const personId = personOf(actor);
  const v = parse(achievementSchema(currentYear(now)).safeParse(input));
  const [row] = await db
    .insert(s.achievements)
    .values({ personId, ...v })
    .returning({ id: s.achievements.id });
  return { id: row!.id };
}

export async function updateAchievement(
  db: Database,
  actor: Actor,
  id: string,
  input: AchievementInput,
  now = new Date(),
) {
  const personId = personOf(actor);
  if (!isUuid(id)) throw notFound("workRecord");
  const v = parse(achievementSchema(currentYear(now)).safeParse(input));
  const rows = await db
    .update(s.achievements)
    .set(v)
    .where(and(eq(s.achievements.id, id), eq(s.achievements.personId, personId)))
    .returning({ id: s.achievements.id });
  if (rows.length === 0) throw notFound("workRecord");
  return { id };
}

export async function deleteAchievement(db: Database, actor: Actor, id: string) {
  const personId = personOf(actor);
  if (!isUuid(id)) throw notFound("workRecord");
  const rows = await db
    .delete(s.achievements)
    .where(and(eq(s.achievements.id, id), eq(s.achievements.personId, personId)))
    .returning({ id: s.achievements.id });
  if (rows.length === 0) throw notFound("workRecord");
  return { id };
}

// --- 继续教育 -------------------------------------------------------------------------------------------------

function ceValues(v: ReturnType<typeof continuingEducationSchema.parse>, programCode: string | null, now: Date) {
  const program = programCode ? findProgram(programCode) : undefined;
  if (v.specialtyCode && (!program || !findSpecialty(program, v.specialtyCode)))
    throw invalid(say("records.pickSpecialty"), { specialtyCode: say("records.pickSpecialtyField") });
  if (v.trainingDate > chinaDate(now))
    throw invalid(say("records.trainingDateFuture"), { trainingDate: say("records.trainingDateFuture") });
  return {
    programCode: program?.code ?? null,
    specialtyCode: v.specialtyCode,
    year: Number(v.trainingDate.slice(0, 4)),
    category: v.category,
    hours: v.hours,
    courseName: v.courseName,
    trainingDate: v.trainingDate,
    provider: v.provider,
  };
}

async function ownSelfCe(db: Database, personId: string, id: string) {
  if (!isUuid(id)) throw notFound("ceRecord");
  const [row] = await db
    .select({ id: s.continuingEducation.id, source: s.continuingEducation.source })
    .from(s.continuingEducation)
    .where(and(eq(s.continuingEducation.id, id), eq(s.continuingEducation.personId, personId)));
  if (!row) throw notFound("ceRecord");
  if (row.source !== "self") throw refused(say("records.ceLinked"));
  return row;
}

export async function addContinuingEducation(
  db: Database,
  actor: Actor,
  input: ContinuingEducationInput & { programCode?: string | null },
  now = new Date(),
) {
  const personId = personOf(actor);
  const v = parse(continuingEducationSchema.safeParse(input));
  const [row] = await db
    .insert(s.continuingEducation)
    .values({ personId, source: "self", ...ceValues(v, input.programCode ?? null, now) })
    .returning({ id: s.continuingEducation.id });
  return { id: row!.id };
}

export async function updateContinuingEducation(
  db: Database,
  actor: Actor,
  id: string,
  input: ContinuingEducationInput & { programCode?: string | null },
  now = new Date(),
) {
  const personId = personOf(actor);
  await ownSelfCe(db, personId, id);
  const v = parse(continuingEducationSchema.safeParse(input));
  await db
    .update(s.continuingEducation)
    .set(ceValues(v, input.programCode ?? null, now))
    .where(
      and(
        eq(s.continuingEducation.id, id),
        eq(s.continuingEducation.personId, personId),
        eq(s.continuingEducation.source, "self"),
      ),
    );
  return { id };
}

export async function deleteContinuingEducation(db: Database, actor: Actor, id: string) {
  const personId = personOf(actor);
  await ownSelfCe(db, personId, id);
  await db
    .delete(s.continuingEducation)
    .where(
      and(
        eq(s.continuingEducation.id, id),
        eq(s.continuingEducation.personId, personId),
        eq(s.continuingEducation.source, "self"),
      ),
    );
  return { id };
}
