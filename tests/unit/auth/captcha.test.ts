import { describe, expect, it } from "vitest";
import { CAPTCHA_TTL_MS, checkCaptchaToken, cookieFromHeader, signCaptcha } from "@/lib/server/captcha";

const secret = "unit-test-secret";
const now = new Date("2026-03-01T08:00:00Z");

describe("captcha tokens", () => {
  it("accepts the right answer case-insensitively", () => {
    const token = signCaptcha("aB3x", now, secret);
    expect(checkCaptchaToken(token, "AB3X", now, secret).result).toBe("ok");
    expect(checkCaptchaToken(token, " ab3x ", now, secret).result).toBe("ok");
  });

  it("refuses a wrong answer, a missing answer, another secret and an expired token", () => {
    const token = signCaptcha("aB3x", now, secret);
    expect(checkCaptchaToken(token, "ab3y", now, secret).result).toBe("wrong");
    expect(checkCaptchaToken(token, "", now, secret).result).toBe("missing");
    expect(checkCaptchaToken(undefined, "ab3x", now, secret).result).toBe("missing");
    expect(checkCaptchaToken(token, "ab3x", now, "other-secret").result).toBe("wrong");
    const later = new Date(now.getTime() + CAPTCHA_TTL_MS + 1);
    expect(checkCaptchaToken(token, "ab3x", later, secret).result).toBe("expired");
  });

  it("detects tampering with the expiry", () => {
    const token = signCaptcha("aB3x", now, secret);
    const [nonce, exp, sig] = token.split(".");
    const forged = `${nonce}.${Number(exp) + 3_600_000}.${sig}`;
    expect(checkCaptchaToken(forged, "ab3x", now, secret).result).toBe("wrong");
  });

  it("never contains the answer", () => {
    expect(signCaptcha("zq7k", now, secret)).not.toMatch(/zq7k/i);
  });

  it("reads a cookie from a raw header", () => {
    expect(cookieFromHeader("a=1; portal_captcha=x.y.z; b=2", "portal_captcha")).toBe("x.y.z");
    expect(cookieFromHeader(undefined, "portal_captcha")).toBeUndefined();
  });
});
