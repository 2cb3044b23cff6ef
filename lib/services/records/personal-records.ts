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
import type { Actor } from "../actor";
import { invalid, notFound, refused } from "../errors";
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
  if (actor.role !== "applicant" || !actor.personId) throw notFound("该页面");
  return actor.personId;
}

function parse<T>(result: { success: true; data: T } | { success: false; error: import("zod").ZodError }): T {
  if (!result.success) throw invalid("填写的信息有误，请按提示修改后重新保存。", recordFieldErrors(result.error));
  return result.data;
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
  if (!isUuid(id)) throw notFound("该工作经历");
  const v = parse(workExperienceSchema.safeParse(input));
  const rows = await db
    .update(s.workExperiences)
    .set(v)
    .where(and(eq(s.workExperiences.id, id), eq(s.workExperiences.personId, personId)))
    .returning({ id: s.workExperiences.id });
  if (rows.length === 0) throw notFound("该工作经历");
  return { id };
}

export async function deleteWorkExperience(db: Database, actor: Actor, id: string) {
  const personId = personOf(actor);
  if (!isUuid(id)) throw notFound("该工作经历");
  const rows = await db
    .delete(s.workExperiences)
    .where(and(eq(s.workExperiences.id, id), eq(s.workExperiences.personId, personId)))
    .returning({ id: s.workExperiences.id });
  if (rows.length === 0) throw notFound("该工作经历");
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
  if (!isUuid(id)) throw notFound("该工作业绩");
  const v = parse(achievementSchema(currentYear(now)).safeParse(input));
  const rows = await db
    .update(s.achievements)
    .set(v)
    .where(and(eq(s.achievements.id, id), eq(s.achievements.personId, personId)))
    .returning({ id: s.achievements.id });
  if (rows.length === 0) throw notFound("该工作业绩");
  return { id };
}

export async function deleteAchievement(db: Database, actor: Actor, id: string) {
  const personId = personOf(actor);
  if (!isUuid(id)) throw notFound("该工作业绩");
  const rows = await db
    .delete(s.achievements)
    .where(and(eq(s.achievements.id, id), eq(s.achievements.personId, personId)))
    .returning({ id: s.achievements.id });
  if (rows.length === 0) throw notFound("该工作业绩");
  return { id };
}

// --- 继续教育 -------------------------------------------------------------------------------------------------

function ceValues(v: ReturnType<typeof continuingEducationSchema.parse>, programCode: string | null, now: Date) {
  const program = programCode ? findProgram(programCode) : undefined;
  if (v.specialtyCode && (!program || !findSpecialty(program, v.specialtyCode)))
    throw invalid("请从列表中选择专业。", { specialtyCode: "请从列表中选择专业，或选择“各专业通用”。" });
  if (v.trainingDate > chinaDate(now))
    throw invalid("培训日期不能晚于今天。", { trainingDate: "培训日期不能晚于今天。" });
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
  if (!isUuid(id)) throw notFound("该继续教育记录");
  const [row] = await db
    .select({ id: s.continuingEducation.id, source: s.continuingEducation.source })
    .from(s.continuingEducation)
    .where(and(eq(s.continuingEducation.id, id), eq(s.continuingEducation.personId, personId)));
  if (!row) throw notFound("该继续教育记录");
  if (row.source !== "self")
    throw refused("该学时由继续教育平台自动关联，不能在此修改或删除。如有疑问请联系培训机构。");
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
