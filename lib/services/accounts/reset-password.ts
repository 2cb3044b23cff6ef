import type { Executor } from "@/db/client";
import type { ActionResult } from "@/lib/action-result";
import type { Locale } from "@/lib/i18n/locales";
import { setPasswordWithCode } from "./set-password-with-code";

/** 找回密码, step 2: an applicant or employer who forgot the password sets a new one with the SMS code. */
export function resetPassword(
  db: Executor,
  input: {
    kind: "applicant" | "employer";
    loginName: string;
    code: string;
    password: string;
    ip: string;
    locale?: Locale;
    now?: Date;
  },
): Promise<ActionResult> {
  return setPasswordWithCode(db, "reset_password", input);
}
