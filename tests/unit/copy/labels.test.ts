import { describe, expect, it } from "vitest";
import { describeSecurityDetail } from "@/lib/queries/labels";

describe("labels fully Chinese (issue 7 item 8)", () => {
  it("the admin's security log describes an event's detail in Chinese, never as the stored JSON", () => {
    expect(
      describeSecurityDetail({
        kind: "applicant",
        loginName: "resident_id:310101198803150012",
        reason: "bad_password",
        failures: 2,
      }),
    ).toBe("登录入口：个人；登录名：310101198803150012；原因：密码错误；连续失败 2 次");
    expect(describeSecurityDetail({ purpose: "reset_password" })).toBe("用途：找回密码");
    expect(describeSecurityDetail({ phoneChanged: true, oldPhone: "13800000001", addressChanged: false })).toBe(
      "手机号码已修改（原号码 13800000001）",
    );
    expect(describeSecurityDetail({})).toBe("");
  });

  it.each(["locked", "bad_password", "unknown_login", "disabled", "bad_old_password"])(
    "failure reason %s has a Chinese label",
    (reason) => {
      expect(describeSecurityDetail({ reason })).not.toMatch(/[A-Za-z]|其他/);
    },
  );

  it.each(["activate", "reset_password", "sign"])("code purpose %s has a Chinese label", (purpose) => {
    expect(describeSecurityDetail({ purpose })).not.toMatch(/[A-Za-z]|其他/);
  });
});
