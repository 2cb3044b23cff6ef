import { cookies, headers } from "next/headers";
import { CAPTCHA_COOKIE } from "./captcha";
import { clientIp } from "./client-ip";

/** Client IP and captcha cookie of the current request (server actions, server components). */
export async function requestContext(): Promise<{ ip: string; captchaToken: string | undefined }> {
  const [h, jar] = await Promise.all([headers(), cookies()]);
  return { ip: clientIp(h), captchaToken: jar.get(CAPTCHA_COOKIE)?.value };
}
