/**
 * The browser's own checks for 工作经历 / 工作业绩 / 继续教育, hand-written so the record pages ship no zod (issue 12,
 * item 4: zod was ≈42 KB gzipped of their JavaScript), in the reader's language (issue 14): the page passes the
 * `account.checks` templates and the field labels as props. With the zh-CN ones they say exactly what
 * lib/domain/record-inputs.ts says, field for field; the service still parses every save with those schemas.
 * tests/unit/auth/client-checks.test.ts keeps them in step.
 */
import { isIsoDate } from "@/lib/domain/dates";
import type { Problems } from "@/components/account/checks";
import { fill } from "@/components/ui/fill";

type Values = Record<string, string | undefined>;
export type RecordKind = "work" | "achievement" | "ce";

/**
 * Message templates with `{label}`, `{max}`, `{min}` (the catalog's raw text: the browser fills them in with
 * components/ui/fill.ts, no ICU runtime shipped).
 */
export type RecordCheckMessages = {
  chooseDate: string;
  invalidDate: string;
  fillIn: string;
  tooManyCharacters: string;
  wholeNumber: string;
  between: string;
  category: string;
  endBeforeStart: string;
};

const trim = (v: string | undefined) => (v ?? "").trim();

function collect(entries: [string, string | null][]): Problems {
  return Object.fromEntries(entries.filter((e): e is [string, string] => e[1] !== null));
}

/**
 * The problems of one record's values; `labels` names each field as the form shows it (the messages use the same
 * words), `m` the templates.
 */
export function recordProblems(
  kind: RecordKind,
  v: Values,
  currentYear: number,
  m: RecordCheckMessages,
  labels: Record<string, string>,
): Problems {
  const say = (template: string, field: string, more: Record<string, number> = {}) =>
    fill(template, { label: labels[field] ?? field, ...more });
  const isoDate = (f: string) => {
    const s = trim(v[f]);
    return s === "" ? say(m.chooseDate, f) : isIsoDate(s) ? null : say(m.invalidDate, f);
  };
  const optionalIsoDate = (f: string) => {
    const s = trim(v[f]);
    return s === "" || isIsoDate(s) ? null : say(m.invalidDate, f);
  };
  const text = (f: string, max: number) => {
    const s = trim(v[f]);
    return s === "" ? say(m.fillIn, f) : s.length > max ? say(m.tooManyCharacters, f, { max }) : null;
  };
  const optionalText = (f: string, max: number) =>
    trim(v[f]).length > max ? say(m.tooManyCharacters, f, { max }) : null;
  /** As z.coerce.number(): Number("") is 0, so an empty box reads as out of range, not as missing. */
  const intIn = (f: string, min: number, max: number) => {
    const n = Number(v[f]);
    if (!Number.isFinite(n)) return say(m.fillIn, f);
    if (!Number.isInteger(n)) return say(m.wholeNumber, f);
    return n >= min && n <= max ? null : say(m.between, f, { min, max });
  };

  if (kind === "work") {
    const out = collect([
      ["startDate", isoDate("startDate")],
      ["endDate", optionalIsoDate("endDate")],
      ["organization", text("organization", 100)],
      ["position", text("position", 60)],
      ["duties", optionalText("duties", 300)],
    ]);
    // The schema compares the trimmed strings even when another field is wrong, so this does too.
    const end = trim(v.endDate);
    if (!out.endDate && end !== "" && end < trim(v.startDate)) out.endDate = m.endBeforeStart;
    return out;
  }
  if (kind === "achievement") {
    return collect([
      ["year", intIn("year", 1950, currentYear)],
      ["projectName", text("projectName", 100)],
      ["role", text("role", 60)],
      ["description", optionalText("description", 300)],
      ["completedOn", optionalIsoDate("completedOn")],
    ]);
  }
  return collect([
    ["category", v.category === "required" || v.category === "elective" ? null : m.category],
    ["hours", intIn("hours", 1, 200)],
    ["courseName", text("courseName", 100)],
    ["trainingDate", isoDate("trainingDate")],
    ["provider", text("provider", 100)],
    ["specialtyCode", optionalText("specialtyCode", 32)],
  ]);
}
