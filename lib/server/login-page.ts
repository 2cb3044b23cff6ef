import { getDb } from "@/db/client";
import { codeRequestNeedsCaptcha, ipKey, readThrottle } from "./login-throttle";
import { requestContext } from "./request-context";

/** Login pages show the captcha from the start when this address already failed 3 times. */
export async function ipNeedsCaptcha(): Promise<boolean> {
  const { ip } = await requestContext();
  const state = await readThrottle(getDb(), { ip: ipKey(ip) });
  return state.captchaRequired;
}

/** 获取密码 / 找回密码 pages: captcha from the start once this address asked for codes twice within the hour. */
export async function codeRequestCaptcha(): Promise<boolean> {
  const { ip } = await requestContext();
  return codeRequestNeedsCaptcha(getDb(), ip);
}
