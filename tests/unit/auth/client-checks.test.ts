/**
 * The login and password pages check input in the browser without zod (issue 12, item 4). Those checks must say
 * what the server's schemas say, field for field, or a person would see one message before submitting and another
 * after. Every case where the schema finds a problem must produce the same message from the client check, and a
 * submission the schema accepts must pass the client check.
 */
import { describe, expect, it } from "vitest";
import { recordProblems } from "@/components/applicant/record-checks";
import { changePasswordProblems, profileEditProblems } from "@/components/auth/account-checks";
import { identityProblems, loginProblems, setPasswordProblems, trimIdentity } from "@/components/auth/checks";
import { achievementSchema, continuingEducationSchema, workExperienceSchema } from "@/lib/domain/record-inputs";
import {
  applicantCodeRequestSchema,
  applicantLoginSchema,
  applicantSetPasswordSchema,
  changePasswordSchema,
  employerCodeRequestSchema,
  employerLoginSchema,
  employerSetPasswordSchema,
  fieldErrorsOf,
  profileEditSchema,
  staffLoginSchema,
} from "@/lib/schemas/accounts";

type Schema = { safeParse: (v: unknown) => { success: boolean; error?: unknown } };
function serverSays(schema: Schema, values: Record<string, string>): Record<string, string> {
  const r = schema.safeParse(values);
  return r.success ? {} : fieldErrorsOf(r.error as Parameters<typeof fieldErrorsOf>[0]);
}
function agree(schema: Schema, client: Record<string, string>, values: Record<string, string>) {
  const server = serverSays(schema, values);
  // Same message on every field the server objects to; nothing extra when the server accepts.
  for (const [field, message] of Object.entries(server))
    expect({ field, message: client[field] }).toEqual({ field, message });
  if (Object.keys(server).length === 0) expect(client).toEqual({});
}

const VALID_ID = "310101198803150012";
const VALID_USCC = "91310000MA1FL0001R";

describe("login checks in the browser match the login schemas", () => {
  const applicant: Record<string, string>[] = [
    { idType: "resident_id", idNumber: VALID_ID, password: "x" },
    { idType: "resident_id", idNumber: ` ${VALID_ID.toLowerCase()} `, password: "x" },
    { idType: "resident_id", idNumber: "310101198803150013", password: "x" },
    { idType: "resident_id", idNumber: "1234", password: "x" },
    { idType: "resident_id", idNumber: "   ", password: "x" },
    { idType: "resident_id", idNumber: "9".repeat(33), password: "x" },
    { idType: "bogus", idNumber: VALID_ID, password: "x" },
    { idType: "resident_id", idNumber: "", password: "" },
    { idType: "hk_surveyor_mutual", idNumber: "hkqs-2019-0123", password: "x" },
  ];
  it.each(applicant)("applicant %o", (v) => agree(applicantLoginSchema, loginProblems("applicant", v), v));

  const employer: Record<string, string>[] = [
    { uscc: VALID_USCC, password: "x" },
    { uscc: VALID_USCC.toLowerCase(), password: "x" },
    { uscc: "91310000MA1FL0001X", password: "x" },
    { uscc: "", password: "x" },
    { uscc: "9".repeat(19), password: "x" },
    { uscc: VALID_USCC, password: "" },
  ];
  it.each(employer)("employer %o", (v) => agree(employerLoginSchema, loginProblems("employer", v), v));

  const staff: Record<string, string>[] = [
    { username: "reviewer1", password: "x" },
    { username: "  ", password: "x" },
    { username: "a".repeat(65), password: "x" },
    { username: "admin", password: "" },
  ];
  it.each(staff)("staff %o", (v) => agree(staffLoginSchema, loginProblems("staff", v), v));
});

describe("获取密码 / 找回密码 checks match the code-request and set-password schemas", () => {
  it.each([
    { idType: "resident_id", idNumber: VALID_ID },
    { idType: "resident_id", idNumber: "" },
    { idType: "resident_id", idNumber: "310101198803150013" },
  ])("applicant code request %o", (v) => agree(applicantCodeRequestSchema, identityProblems("applicant", v), v));
  it.each([{ uscc: VALID_USCC }, { uscc: "" }, { uscc: "91310000MA1FL0001X" }])("employer code request %o", (v) =>
    agree(employerCodeRequestSchema, identityProblems("employer", v), v),
  );

  const id = { idType: "resident_id", idNumber: VALID_ID };
  const sets: Record<string, string>[] = [
    { ...id, code: "123456", password: "abc12345", confirm: "abc12345" },
    { ...id, code: " 123456 ", password: "abc12345", confirm: "abc12345" },
    { ...id, code: "12345", password: "abc12345", confirm: "abc12345" },
    { ...id, code: "", password: "abc12345", confirm: "abc12345" },
    { ...id, code: "123456", password: "short1", confirm: "short1" },
    { ...id, code: "123456", password: "abcdefghi", confirm: "abcdefghi" },
    { ...id, code: "123456", password: "abc12345", confirm: "" },
    { ...id, code: "123456", password: "abc12345", confirm: "abc12346" },
    { ...id, code: "123456", password: "short1", confirm: "short2" },
  ];
  it.each(sets)("applicant set password %o", (v) =>
    agree(applicantSetPasswordSchema, setPasswordProblems("applicant", v), v),
  );
  it("employer set password", () => {
    const v = { uscc: VALID_USCC, code: "123456", password: "abc12345", confirm: "abc12346" };
    agree(employerSetPasswordSchema, setPasswordProblems("employer", v), v);
  });
});

describe("修改登录密码 and 基本信息修改 checks match their schemas", () => {
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
  it.each(changes)("change password %o", (v) => agree(changePasswordSchema, changePasswordProblems(v), v));

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
  it.each(profiles)("profile %o", (v) => agree(profileEditSchema, profileEditProblems(v), v));
});

describe("工作经历 / 工作业绩 / 继续教育 checks match the record schemas", () => {
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
  it.each(work)("work %o", (v) => agree(workExperienceSchema, recordProblems("work", v, 2026), v));

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
  it.each(achievements)("achievement %o", (v) =>
    agree(achievementSchema(2026), recordProblems("achievement", v, 2026), v),
  );

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
  it.each(ce)("continuing education %o", (v) => agree(continuingEducationSchema, recordProblems("ce", v, 2026), v));
});

describe("trimIdentity", () => {
  it("trims and upper-cases the identity the way the schemas do", () => {
    expect(
      trimIdentity({
        idNumber: " 31010119880315001x ",
        uscc: " 91310000ma1fl0001r",
        username: " admin ",
        password: " p ",
      }),
    ).toEqual({
      idNumber: "31010119880315001X",
      uscc: "91310000MA1FL0001R",
      username: "admin",
      password: " p ",
    });
  });
});
