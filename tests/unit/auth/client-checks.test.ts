/**
 * The login and password pages check input in the browser without zod (issue 12, item 4). Those checks must say
 * what the server's schemas say, field for field, or a person would see one message before submitting and another
 * after. Every case where the schema finds a problem must produce the same message from the client check, and a
 * submission the schema accepts must pass the client check. (修改登录密码, 基本信息修改 and the record editors:
 * tests/unit/account/client-checks.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { identityProblems, loginProblems, setPasswordProblems, trimIdentity } from "@/components/auth/checks";
import {
  applicantCodeRequestSchema,
  applicantLoginSchema,
  applicantSetPasswordSchema,
  employerCodeRequestSchema,
  employerLoginSchema,
  employerSetPasswordSchema,
  fieldErrorsOf,
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
