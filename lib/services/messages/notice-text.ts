import type { ApplicationStatus, ApplicationType } from "@/lib/domain/types";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";

/**
 * 我的消息 and SMS are written in the recipient account's language (`user_accounts.locale`, ADR 0010) when they are
 * written, and keep it. A person without an account (SMS only) reads the default, Chinese.
 */
export function noticeText(locale: Locale | null | undefined) {
  const lang = locale ?? DEFAULT_LOCALE;
  const t = translator(lang, "notices");
  const domain = translator(lang, "domain");
  return {
    locale: lang,
    t,
    type: (code: ApplicationType) => domain(`type.${code}`),
    status: (code: ApplicationStatus) => domain(`status.${code}`),
    anomaly: (kind: "social_insurance" | "duplicate_registration") => domain(`anomalyKind.${kind}`),
    /** （受理编号 …） after the type, or nothing before acceptance. */
    ref: (acceptanceNo: string | null | undefined) => (acceptanceNo ? t("ref", { no: acceptanceNo }) : ""),
    /** An SMS: the platform's signature, the greeting and the message's body. */
    sms: (name: string, body: string) => t("sms", { name, body }),
  };
}
