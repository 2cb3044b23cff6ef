import { asc, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { achievements, continuingEducation, workExperiences } from "@/db/schema";

/** 工作经历, newest first. */
export function workExperiencesOf(db: Executor, personId: string) {
  return db
    .select()
    .from(workExperiences)
    .where(eq(workExperiences.personId, personId))
    .orderBy(desc(workExperiences.startDate), asc(workExperiences.id));
}

/** 工作业绩, newest year first. */
export function achievementsOf(db: Executor, personId: string) {
  return db
    .select()
    .from(achievements)
    .where(eq(achievements.personId, personId))
    .orderBy(desc(achievements.year), asc(achievements.projectName), asc(achievements.id));
}

/** 继续教育 records, newest first. */
export function continuingEducationOf(db: Executor, personId: string) {
  return db
    .select()
    .from(continuingEducation)
    .where(eq(continuingEducation.personId, personId))
    .orderBy(desc(continuingEducation.trainingDate), asc(continuingEducation.id));
}

export type CeYearTotal = { year: number; required: number; elective: number; total: number };

/** 必修/选修 hours per year and overall (the records table shows them under the list). */
export function ceTotals(rows: readonly { year: number; category: "required" | "elective"; hours: number }[]) {
  const byYear = new Map<number, CeYearTotal>();
  for (const r of rows) {
    const t = byYear.get(r.year) ?? { year: r.year, required: 0, elective: 0, total: 0 };
    if (r.category === "required") t.required += r.hours;
    else t.elective += r.hours;
    t.total += r.hours;
    byYear.set(r.year, t);
  }
  const years = [...byYear.values()].sort((a, b) => b.year - a.year);
  const all = years.reduce(
    (a, t) => ({ required: a.required + t.required, elective: a.elective + t.elective, total: a.total + t.total }),
    { required: 0, elective: 0, total: 0 },
  );
  return { years, all };
}
