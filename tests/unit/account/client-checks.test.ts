/**
 * 修改登录密码, 基本信息修改 and the record editors check input in the browser without zod (issue 12, item 4), with
 * messages the server page passes in the reader's language (issue 14, ADR 0010). In Chinese they must say what the
 * server's schemas say, field for field: every field the schema objects to gets the same message, and a submission
 * the schema accepts passes. In English the same fields are marked, and no Chinese is left in what they say. The
 * messages come from the catalogs through the same builders the pages use (components/account/texts.ts).
 */
import { describe, expect, it } from "vitest";
import { changePasswordProblems, profileEditProblems } from "@/components/account/checks";
import { accountCheckMessages, recordCheckMessages } from "@/components/account/texts";
import { type RecordKind, recordProblems } from "@/components/applicant/record-checks";
import { achievementSchema, continuingEducationSchema, workExperienceSchema } from "@/lib/domain/record-inputs";
import { PASSWORD_RULE } from "@/lib/domain/password-rule";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { changePasswordSchema, fieldErrorsOf, profileEditSchema } from "@/lib/schemas/accounts";
import { REGISTERED_EMPLOYER_NOTE } from "@/lib/services/people/change-employer";

type Schema = { safeParse: (v: unknown) => { success: boolean; error?: unknown } };
const account = (locale: Locale) => translator(locale, "account");

function serverSays(schema: Schema, values: Record<string, string>): Record<string, string> {
  const r = schema.safeParse(values);
  return r.success ? {} : fieldErrorsOf(r.error as Parameters<typeof fieldErrorsOf>[0]);
}
/** Chinese: the schema's message on every field it objects to; nothing when it accepts. */
function agree(schema: Schema, client: Record<string, string>, values: Record<string, string>) {
  const server = serverSays(schema, values);
  for (const [field, message] of Object.entries(server))
    expect({ field, message: client[field] }).toEqual({ field, message });
  if (Object.keys(server).length === 0) expect(client).toEqual({});
}
/** English: the fields the schema objects to, and only those, with an English message each. */
function sameFields(schema: Schema, client: Record<string, string>, values: Record<string, string>) {
  expect(Object.keys(client).sort()).toEqual(Object.keys(serverSays(schema, values)).sort());
  for (const message of Object.values(client)) expect(message).not.toMatch(/[\u4e00-\u9fff]/);
}

const zh = accountCheckMessages(account("zh-CN"));
const en = accountCheckMessages(account("en"));

const changes: Record<string, string>[] = [
  { oldPassword: "old12345", password: "abc12345", confirm: "abc12345" },
  { oldPassword: "", password: "abc12345", confirm: "abc12345" },
  { oldPassword: "x".repeat(129), password: "abc12345", confirm: "abc12345" },
  { oldPassword: "old12345", password: "short1", confirm: "short1" },
  { oldPassword: "old12345", password: "short1", confirm: "short2" },
  { oldPassword: "old12345", password: "abc12345", confirm: "" },
  { oldPassword: "old12345", password: "abc12345", confirm: "abc12346" },
  { oldPassword: "abc12345", password: "abc12345", confirm: "abc12345" },
  { oldPassword: "abc12345", password: "abc12345", confirm: "x" },
  { oldPassword: "", password: "", confirm: "" },
];
const profiles: Record<string, string>[] = [
  { phone: "13800000001", address: "上海市黄浦区" },
  { phone: " 13800000001 ", address: "" },
  { phone: "12800000001", address: "" },
  { phone: "1380000000", address: "" },
  { phone: "", address: "" },
  { phone: "13800000001", address: "路".repeat(201) },
  { phone: "13800000001", address: `  ${"路".repeat(200)}  ` },
  { phone: "13800000001", address: "上海\u0000市" },
  { phone: "13800000001", address: "上海\uD83D市" },
  { phone: "13800000001", address: "上海😀市" },
];

describe("修改登录密码 and 基本信息修改 checks match their schemas", () => {
  it.each(changes)("change password, Chinese %o", (v) => agree(changePasswordSchema, changePasswordProblems(v, zh), v));
  it.each(changes)("change password, English %o", (v) =>
    sameFields(changePasswordSchema, changePasswordProblems(v, en), v),
  );
  it.each(profiles)("profile, Chinese %o", (v) => agree(profileEditSchema, profileEditProblems(v, zh), v));
  it.each(profiles)("profile, English %o", (v) => sameFields(profileEditSchema, profileEditProblems(v, en), v));

  it("English messages are English, not the Chinese ones", () => {
    const v = { oldPassword: "", password: "short1", confirm: "short2" };
    expect(changePasswordProblems(v, en)).toEqual({
      oldPassword: "Enter your current password.",
      password: "8 to 64 characters, with at least one letter and one digit.",
      confirm: "The two passwords do not match. Please enter them again.",
    });
  });
});

/** The labels each record form shows, from the catalog as the pages read them. */
function labels(locale: Locale, kind: RecordKind): Record<string, string> {
  const t = translator(locale, "account");
  if (kind === "work")
    return Object.fromEntries(
      (["startDate", "endDate", "organization", "position", "duties"] as const).map((f) => [f, t(`records.work.${f}`)]),
    );
  if (kind === "achievement")
    return {
      year: t("records.achievement.yearLabel"),
      projectName: t("records.achievement.projectName"),
      role: t("records.achievement.role"),
      description: t("records.achievement.description"),
      completedOn: t("records.achievement.completedOn"),
    };
  return {
    trainingDate: t("records.ce.trainingDate"),
    category: t("records.ce.category"),
    hours: t("records.ce.hours"),
    courseName: t("records.ce.courseName"),
    specialtyCode: t("records.ce.specialty"),
    provider: t("records.ce.provider"),
  };
}
function records(locale: Locale, kind: RecordKind, v: Record<string, string>) {
  return recordProblems(kind, v, 2026, recordCheckMessages(account(locale)), labels(locale, kind));
}

const work: Record<string, string>[] = [
  { startDate: "2020-01-01", endDate: "", organization: "某造价咨询公司", position: "造价员", duties: "" },
  { startDate: "2020-01-01", endDate: "2022-06-30", organization: " 公司 ", position: "造价员", duties: "编制预算" },
  { startDate: "", endDate: "", organization: "", position: "", duties: "" },
  { startDate: "2020-02-30", endDate: "2020-13-01", organization: "x", position: "y", duties: "" },
  { startDate: "2020-01-01", endDate: "2019-12-31", organization: "x", position: "y", duties: "" },
  { startDate: "2020-01-01", endDate: "2019-12-31", organization: "", position: "y", duties: "" },
  { startDate: "", endDate: "2019-12-31", organization: "x", position: "y", duties: "" },
  {
    startDate: "2020-01-01",
    endDate: "",
    organization: "公".repeat(101),
    position: "职".repeat(61),
    duties: "内".repeat(301),
  },
  {
    startDate: "2020-01-01",
    endDate: "",
    organization: "公".repeat(100),
    position: "职".repeat(60),
    duties: "内".repeat(300),
  },
];
const achievements: Record<string, string>[] = [
  { year: "2024", projectName: "某项目", role: "预算编制", description: "", completedOn: "" },
  { year: " 2025 ", projectName: "某项目", role: "预算编制", description: "", completedOn: "2025-03-01" },
  { year: "", projectName: "", role: "", description: "", completedOn: "" },
  { year: "abc", projectName: "x", role: "y", description: "", completedOn: "2025-02-30" },
  { year: "2024.5", projectName: "x", role: "y", description: "", completedOn: "" },
  { year: "2027", projectName: "x", role: "y", description: "说".repeat(301), completedOn: "" },
  { year: "1949", projectName: "项".repeat(101), role: "y", description: "", completedOn: "" },
  { year: "Infinity", projectName: "x", role: "y", description: "", completedOn: "" },
];
const ce: Record<string, string>[] = [
  {
    category: "required",
    hours: "8",
    courseName: "课程",
    trainingDate: "2025-05-01",
    provider: "协会",
    specialtyCode: "",
  },
  { category: "", hours: "", courseName: "", trainingDate: "", provider: "", specialtyCode: "" },
  {
    category: "bogus",
    hours: "0",
    courseName: "x",
    trainingDate: "2025-5-1",
    provider: "y",
    specialtyCode: "s".repeat(33),
  },
  {
    category: "elective",
    hours: "201",
    courseName: "x",
    trainingDate: "2025-05-01",
    provider: "y",
    specialtyCode: "",
  },
  {
    category: "elective",
    hours: "1.5",
    courseName: "x",
    trainingDate: "2025-05-01",
    provider: "y",
    specialtyCode: "",
  },
  {
    category: "elective",
    hours: "十",
    courseName: "x",
    trainingDate: "2025-05-01",
    provider: "y",
    specialtyCode: "",
  },
];

describe("工作经历 / 工作业绩 / 继续教育 checks match the record schemas", () => {
  it.each(work)("work, Chinese %o", (v) => agree(workExperienceSchema, records("zh-CN", "work", v), v));
  it.each(work)("work, English %o", (v) => sameFields(workExperienceSchema, records("en", "work", v), v));
  it.each(achievements)("achievement, Chinese %o", (v) =>
    agree(achievementSchema(2026), records("zh-CN", "achievement", v), v),
  );
  it.each(achievements)("achievement, English %o", (v) =>
    sameFields(achievementSchema(2026), records("en", "achievement", v), v),
  );
  it.each(ce)("continuing education, Chinese %o", (v) =>
    agree(continuingEducationSchema, records("zh-CN", "ce", v), v),
  );
  it.each(ce)("continuing education, English %o", (v) =>
    sameFields(continuingEducationSchema, records("en", "ce", v), v),
  );

  it("English fills in the field's label and limits", () => {
    const v = { year: "1949", projectName: "p".repeat(101), role: "", description: "", completedOn: "2025-02-30" };
    expect(records("en", "achievement", v)).toEqual({
      year: "Year: enter a number from 1950 to 2026.",
      projectName: "Project name: at most 100 characters.",
      role: "Your role: please fill this in.",
      completedOn: "Completion date: enter a valid date (year-month-day).",
    });
  });
});

describe("texts the pages show before the server is asked", () => {
  it("say in Chinese what the domain and the services say", () => {
    const t = translator("zh-CN", "account");
    expect(t("password.rule")).toBe(PASSWORD_RULE);
    // 基本信息修改 explains up front what the employer change would be refused with.
    expect(t("profile.registeredEmployer")).toBe(REGISTERED_EMPLOYER_NOTE);
  });
});
