/**
 * The browser's own checks for 工作经历 / 工作业绩 / 继续教育, hand-written so the record pages ship no zod (issue 12,
 * item 4: zod was ≈42 KB gzipped of their JavaScript). Same words as lib/domain/record-inputs.ts, field for field;
 * the service still parses every save with those schemas. tests/unit/auth/client-checks.test.ts keeps them in step.
 */
import { isIsoDate } from "@/lib/domain/dates";
import type { Problems } from "@/components/auth/account-checks";

type Values = Record<string, string | undefined>;
export type RecordKind = "work" | "achievement" | "ce";

const trim = (v: string | undefined) => (v ?? "").trim();

function isoDate(v: string | undefined, label: string): string | null {
  const s = trim(v);
  return s === "" ? `请选择${label}。` : isIsoDate(s) ? null : `${label}须为有效日期（年-月-日）。`;
}
function optionalIsoDate(v: string | undefined, label: string): string | null {
  const s = trim(v);
  return s === "" || isIsoDate(s) ? null : `${label}须为有效日期（年-月-日）。`;
}
function text(v: string | undefined, label: string, max: number): string | null {
  const s = trim(v);
  return s === "" ? `请填写${label}。` : s.length > max ? `${label}不能超过${max}个字。` : null;
}
function optionalText(v: string | undefined, label: string, max: number): string | null {
  return trim(v).length > max ? `${label}不能超过${max}个字。` : null;
}
/** As z.coerce.number(): Number("") is 0, so an empty box reads as out of range, not as missing. */
function intIn(v: string | undefined, label: string, min: number, max: number): string | null {
  const n = Number(v);
  if (!Number.isFinite(n)) return `请填写${label}。`;
  if (!Number.isInteger(n)) return `${label}须为整数。`;
  return n >= min && n <= max ? null : `${label}须在 ${min}–${max} 之间。`;
}

function collect(entries: [string, string | null][]): Problems {
  return Object.fromEntries(entries.filter((e): e is [string, string] => e[1] !== null));
}

export function recordProblems(kind: RecordKind, v: Values, currentYear: number): Problems {
  if (kind === "work") {
    const out = collect([
      ["startDate", isoDate(v.startDate, "起始时间")],
      ["endDate", optionalIsoDate(v.endDate, "终止时间")],
      ["organization", text(v.organization, "工作单位", 100)],
      ["position", text(v.position, "从事工作及职务", 60)],
      ["duties", optionalText(v.duties, "主要工作内容", 300)],
    ]);
    // The schema compares the trimmed strings even when another field is wrong, so this does too.
    const end = trim(v.endDate);
    if (!out.endDate && end !== "" && end < trim(v.startDate)) out.endDate = "终止时间不能早于起始时间。";
    return out;
  }
  if (kind === "achievement") {
    return collect([
      ["year", intIn(v.year, "年度", 1950, currentYear)],
      ["projectName", text(v.projectName, "项目名称", 100)],
      ["role", text(v.role, "本人承担的工作", 60)],
      ["description", optionalText(v.description, "业绩说明", 300)],
      ["completedOn", optionalIsoDate(v.completedOn, "完成时间")],
    ]);
  }
  return collect([
    ["category", v.category === "required" || v.category === "elective" ? null : "请选择课程类别（必修/选修）。"],
    ["hours", intIn(v.hours, "学时", 1, 200)],
    ["courseName", text(v.courseName, "课程名称", 100)],
    ["trainingDate", isoDate(v.trainingDate, "培训日期")],
    ["provider", text(v.provider, "培训机构", 100)],
    ["specialtyCode", optionalText(v.specialtyCode, "专业", 32)],
  ]);
}
