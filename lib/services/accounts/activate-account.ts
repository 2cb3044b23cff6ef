import type { Executor } from "@/db/client";
import type { ActionResult } from "@/lib/action-result";
import type { Locale } from "@/lib/i18n/locales";
import { setPasswordWithCode } from "./set-password-with-code";

/** 获取密码, step 2: a first-time applicant proves the phone on record and chooses a password. */
export function activateAccount(
  db: Executor,
  input: { loginName: string; code: string; password: string; ip: string; locale?: Locale; now?: Date },
): Promise<ActionResult> {
  return setPasswordWithCode(db, "activate", { kind: "applicant", ...input });
}
