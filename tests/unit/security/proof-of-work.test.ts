import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { describe, expect, it } from "vitest";
import { CAPTCHA_TTL_MS, checkCaptchaPayload, newChallenge } from "@/lib/server/captcha";

const secret = "unit-test-secret";
const encode = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64");

async function solved(now: Date) {
  const challenge = await newChallenge(now, secret);
  const solution = (await solveChallenge({ challenge, deriveKey }))!;
  return { challenge, solution };
}

describe("人机验证 by proof of work (ASVS V2.2.1 anti-automation)", () => {
  it("V2.2.1 the served challenge does not contain its answer: the counter must be searched for", async () => {
    const now = new Date();
    const { challenge, solution } = await solved(now);
    const served = JSON.stringify(challenge);
    expect(solution.counter).toBeGreaterThanOrEqual(1000);
    expect(served).not.toContain(solution.derivedKey);
    expect(served).not.toMatch(new RegExp(`[^0-9]${solution.counter}[^0-9]`));
    expect((await checkCaptchaPayload(encode({ challenge, solution }), now, secret)).result).toBe("ok");
  });

  it("V2.2.1 a guessed key, a forged challenge, another installation's secret or garbage are refused", async () => {
    const now = new Date();
    const { challenge, solution } = await solved(now);
    expect(
      (
        await checkCaptchaPayload(
          encode({
            challenge,
            solution: { ...solution, derivedKey: solution.derivedKey.replace(/^./, (c) => (c === "0" ? "1" : "0")) },
          }),
          now,
          secret,
        )
      ).result,
    ).toBe("wrong");
    const easier = { ...challenge, parameters: { ...challenge.parameters, cost: 1 } };
    expect((await checkCaptchaPayload(encode({ challenge: easier, solution }), now, secret)).result).toBe("wrong");
    expect((await checkCaptchaPayload(encode({ challenge, solution }), now, "other-secret")).result).toBe("wrong");
    for (const junk of ["abcd", "%%%", encode({}), encode({ challenge: null }), "x".repeat(9000)]) {
      expect((await checkCaptchaPayload(junk, now, secret)).result).toBe("wrong");
    }
    expect((await checkCaptchaPayload("", now, secret)).result).toBe("missing");
  });

  it("V2.2.1 a solution expires with its challenge", async () => {
    const now = new Date();
    const payload = encode(await solved(now));
    expect((await checkCaptchaPayload(payload, new Date(now.getTime() + CAPTCHA_TTL_MS + 1000), secret)).result).toBe(
      "expired",
    );
  });
});
