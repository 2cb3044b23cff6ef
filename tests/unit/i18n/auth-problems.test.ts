/**
 * The sign-in and password pages show input problems made in Chinese by shared checks (browser and schemas) and turn
 * them into the page's language through the auth.problems list (lib/i18n/auth-problems.ts). Any Chinese problem left
 * out of that list would reach an English reader in Chinese: this test feeds the checks inputs that raise every
 * problem they know and requires each one to have an English text.
 */
import { describe, expect, it } from "vitest";
import { identityProblems, loginProblems, setPasswordProblems } from "@/components/auth/checks";
import { authProblemIn, authProblemTexts } from "@/lib/i18n/auth-problems";
import { captchaMessage } from "@/lib/server/captcha";
import { describeRetry } from "@/lib/server/login-throttle";
import { applicantSetPasswordSchema, employerSetPasswordSchema, fieldErrorsOf } from "@/lib/schemas/accounts";

const HAN = /[\u4e00-\u9fff]/;

const INPUTS: Record<string, string>[] = [
  { idType: "resident_id", idNumber: "", password: "" },
  { idType: "resident_id", idNumber: "1234", password: "x".repeat(129) },
  { idType: "resident_id", idNumber: "310101198813450012", password: "x" },
  { idType: "resident_id", idNumber: "310101198803150013", password: "x" },
  { idType: "resident_id", idNumber: "9".repeat(33), password: "x" },
  { idType: "hmt_residence_permit", idNumber: "123456789012345678", password: "x" },
  { idType: "hk_surveyor_mutual", idNumber: "!!", password: "x" },
  { idType: "passport", idNumber: "!", password: "x" },
  { idType: "bogus", idNumber: "1", password: "x" },
  { uscc: "", password: "x" },
  { uscc: "123", password: "x" },
  { uscc: "9".repeat(19), password: "x" },
  { uscc: "91310000MA1FL0001X", password: "x" },
  { uscc: "IIIIIIIIIIIIIIIIII", password: "x" },
  { username: "", password: "x" },
  { username: "u".repeat(65), password: "x" },
];
const SET_INPUTS: Record<string, string>[] = [
  { idType: "resident_id", idNumber: "310101198803150012", code: "", password: "short", confirm: "" },
  { idType: "resident_id", idNumber: "310101198803150012", code: "12", password: "abcdefgh1", confirm: "other" },
  { uscc: "91310000MA1FL0001R", code: "123456", password: "abcdefgh1", confirm: "abcdefgh2" },
];

function problemsOf(): string[] {
  const out = new Set<string>();
  for (const v of INPUTS) {
    for (const kind of ["applicant", "employer", "staff"] as const) {
      for (const p of Object.values(loginProblems(kind, v))) out.add(p);
      for (const p of Object.values(identityProblems(kind, v))) out.add(p);
    }
  }
  for (const v of SET_INPUTS) {
    for (const kind of ["applicant", "employer"] as const) {
      for (const p of Object.values(setPasswordProblems(kind, v))) out.add(p);
    }
    for (const schema of [applicantSetPasswordSchema, employerSetPasswordSchema]) {
      const r = schema.safeParse(v);
      if (!r.success) for (const p of Object.values(fieldErrorsOf(r.error))) out.add(p);
    }
  }
  return [...out];
}

describe("sign-in and password problems in the page's language (issue 14 item 4)", () => {
  it("every problem the checks can raise has an English text", () => {
    const problems = problemsOf();
    expect(problems.length).toBeGreaterThan(15);
    const en = authProblemTexts("en");
    for (const p of problems) {
      expect(en[p], p).toBeDefined();
      expect(en[p], p).not.toMatch(HAN);
    }
  });

  it("Chinese readers get the texts unchanged", () => {
    expect(authProblemTexts("zh-CN")).toEqual({});
    for (const p of problemsOf()) expect(authProblemIn("zh-CN", p)).toBe(p);
  });

  it("retry times and human-check refusals follow the reader", () => {
    const now = new Date("2026-03-01T06:00:00Z");
    const until = new Date(now.getTime() + 2 * 60_000 + 5_000);
    expect(describeRetry(until, now)).toBe("14:02（约3分钟后）");
    expect(describeRetry(until, now, "en")).toBe("14:02 (in about 3 minutes)");
    expect(describeRetry(new Date(now.getTime() + 30_000), now, "en")).toBe("14:00 (in about 1 minute)");
    expect(captchaMessage("expired")).toBe("人机验证已失效，请重新勾选“我不是机器人”。");
    expect(captchaMessage("expired", "en")).toMatch(/^The human check has expired/);
  });
});
