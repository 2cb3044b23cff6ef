import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { newChallenge } from "@/lib/server/captcha";

/** What the 人机验证 widget submits after doing the proof of work: base64 of { challenge, solution }. */
export async function solvedCaptchaPayload(now: Date = new Date()): Promise<string> {
  const challenge = await newChallenge(now);
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error("challenge not solved");
  return Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
}

export async function captcha(now: Date = new Date()): Promise<{ captchaAnswer: string }> {
  return { captchaAnswer: await solvedCaptchaPayload(now) };
}
