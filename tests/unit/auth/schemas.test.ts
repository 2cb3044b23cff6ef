import { describe, expect, it } from "vitest";
import { passwordProblem } from "@/lib/server/password";
import {
  applicantLoginName,
  applicantLoginSchema,
  applicantSetPasswordSchema,
  changePasswordSchema,
  employerLoginSchema,
  fieldErrorsOf,
  passwordRuleProblem,
  profileEditSchema,
  staffLoginSchema,
} from "@/lib/schemas/accounts";

describe("login schemas", () => {
  it("accepts a valid resident ID and upper-cases it", () => {
    const r = applicantLoginSchema.parse({
      idType: "resident_id",
      idNumber: " 31010119880315001x ".replace("x", "2"),
      password: "x",
    });
    expect(r.idNumber).toBe("310101198803150012");
    expect(applicantLoginName(r.idType, r.idNumber)).toBe("resident_id:310101198803150012");
  });

  it("upper-cases an HK surveyor number in the login name", () => {
    const r = applicantLoginSchema.parse({ idType: "hk_surveyor_mutual", idNumber: "hkqs-2019-0123", password: "x" });
    expect(applicantLoginName(r.idType, r.idNumber)).toBe("hk_surveyor_mutual:HKQS-2019-0123");
  });

  it("explains a wrong check digit in Chinese on the idNumber field", () => {
    const r = applicantLoginSchema.safeParse({ idType: "resident_id", idNumber: "310101198803150013", password: "x" });
    expect(r.success).toBe(false);
    expect(fieldErrorsOf(r.error!).idNumber).toMatch(/校验位/);
  });

  it("requires a password and an id type", () => {
    const r = applicantLoginSchema.safeParse({ idType: "bogus", idNumber: "", password: "" });
    const errs = fieldErrorsOf(r.error!);
    expect(errs.idType).toBe("请选择证件类型。");
    expect(errs.password).toBe("请输入密码。");
  });

  it("validates the USCC checksum for employers", () => {
    expect(employerLoginSchema.safeParse({ uscc: "91310000ma1fl0001r", password: "x" }).success).toBe(true);
    const bad = employerLoginSchema.safeParse({ uscc: "91310000MA1FL0001X", password: "x" });
    expect(fieldErrorsOf(bad.error!).uscc).toMatch(/统一社会信用代码/);
  });

  it("staff login needs a user name", () => {
    expect(fieldErrorsOf(staffLoginSchema.safeParse({ username: " ", password: "x" }).error!).username).toBe(
      "请输入用户名。",
    );
  });
});

describe("password rules", () => {
  it("match the server's passwordProblem", () => {
    for (const p of ["short1", "abcdefgh", "12345678", "Demo2026!", "a1".repeat(33), "abc12345"]) {
      expect(passwordRuleProblem(p)).toBe(passwordProblem(p));
    }
  });

  it("set-password needs a 6-digit code and matching passwords", () => {
    const base = { idType: "resident_id", idNumber: "310104199201010059" };
    expect(
      applicantSetPasswordSchema.safeParse({ ...base, code: "123456", password: "Abcd1234", confirm: "Abcd1234" })
        .success,
    ).toBe(true);
    const r = applicantSetPasswordSchema.safeParse({
      ...base,
      code: "12345",
      password: "Abcd1234",
      confirm: "Abcd12345",
    });
    const errs = fieldErrorsOf(r.error!);
    expect(errs.code).toMatch(/6位/);
    expect(errs.confirm).toBe("两次输入的密码不一致，请重新输入。");
  });

  it("change-password refuses reusing the old password", () => {
    const r = changePasswordSchema.safeParse({ oldPassword: "Demo2026!", password: "Demo2026!", confirm: "Demo2026!" });
    expect(fieldErrorsOf(r.error!).password).toMatch(/不能与原密码相同/);
  });
});

describe("profile edit", () => {
  it("accepts a mainland mobile number and trims the address", () => {
    expect(profileEditSchema.parse({ phone: " 13800000001 ", address: " 上海 " })).toEqual({
      phone: "13800000001",
      address: "上海",
    });
    expect(fieldErrorsOf(profileEditSchema.safeParse({ phone: "0571-8765", address: "" }).error!).phone).toMatch(
      /11位/,
    );
  });
});
