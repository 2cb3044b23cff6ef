/**
 * 工作经历 / 工作业绩 / 继续教育 form schemas, shared by the browser forms and the services (client-safe: zod only).
 * Messages say what to fix. Dates are ISO `YYYY-MM-DD` as `<input type="date">` sends them. A refinement names its
 * check in `params` (`{ check, min, max }`), so a service can say the same in the reader's language (issue 14 item 4).
 */
import { z } from "zod";
import { isIsoDate } from "@/lib/domain/dates";

const isoDate = (label: string) =>
  z
    .string({ error: `请选择${label}。` })
    .trim()
    .min(1, `请选择${label}。`)
    .refine((v) => isIsoDate(v), { message: `${label}须为有效日期（年-月-日）。`, params: { check: "date" } });
const optionalIsoDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isIsoDate(v), {
      message: `${label}须为有效日期（年-月-日）。`,
      params: { check: "date" },
    });
const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}。` })
    .trim()
    .min(1, `请填写${label}。`)
    .max(max, `${label}不能超过${max}个字。`);
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过${max}个字。`)
    .optional()
    .transform((v) => (v ? v : null));
const intIn = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `请填写${label}。` })
    .refine((n) => Number.isInteger(n), { message: `${label}须为整数。`, params: { check: "integer" } })
    .refine((n) => n >= min && n <= max, {
      message: `${label}须在 ${min}–${max} 之间。`,
      params: { check: "range", min, max },
    });

/** 从事造价工作经历 (`000`/`001` §三.1(5)). */
export const workExperienceSchema = z
  .object({
    startDate: isoDate("起始时间"),
    endDate: optionalIsoDate("终止时间"),
    organization: text("工作单位", 100),
    position: text("从事工作及职务", 60),
    duties: optionalText("主要工作内容", 300),
  })
  .refine((v) => v.endDate === null || v.endDate >= v.startDate, {
    path: ["endDate"],
    message: "终止时间不能早于起始时间。",
    params: { check: "endBeforeStart" },
  });
export type WorkExperienceInput = z.input<typeof workExperienceSchema>;

/** 工作业绩 (I3: the last 3 years, at least one a year). */
export function achievementSchema(currentYear: number) {
  return z.object({
    year: intIn("年度", 1950, currentYear),
    projectName: text("项目名称", 100),
    role: text("本人承担的工作", 60),
    description: optionalText("业绩说明", 300),
    completedOn: optionalIsoDate("完成时间"),
  });
}
export type AchievementInput = z.input<ReturnType<typeof achievementSchema>>;

/** 继续教育 (必修/选修 学时 per year; I2, X3). */
export const continuingEducationSchema = z.object({
  category: z.enum(["required", "elective"], { error: "请选择课程类别（必修/选修）。" }),
  hours: intIn("学时", 1, 200),
  courseName: text("课程名称", 100),
  trainingDate: isoDate("培训日期"),
  provider: text("培训机构", 100),
  specialtyCode: optionalText("专业", 32),
});
export type ContinuingEducationInput = z.input<typeof continuingEducationSchema>;

/** Zod issues → { field: first message } for the form. */
export function recordFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "_");
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * I3: which of the last three full calendar years have no 工作业绩. `today` is the China date (YYYY-MM-DD); the last
 * three years before the current one are checked, e.g. 2023–2025 in 2026.
 */
export function missingAchievementYears(years: readonly number[], today: string): number[] {
  const current = Number(today.slice(0, 4));
  const wanted = [current - 3, current - 2, current - 1];
  return wanted.filter((y) => !years.includes(y));
}
export function achievementYearsWanted(today: string): number[] {
  const current = Number(today.slice(0, 4));
  return [current - 3, current - 2, current - 1];
}
