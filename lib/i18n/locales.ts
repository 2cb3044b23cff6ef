/**
 * The portal's languages (issue 14 item 4). zh-CN is the default and the language of every official document; English
 * is for Hong Kong members and anyone who chooses it. The account remembers the choice (user_accounts.locale); a
 * cookie carries it for pages shown before sign-in.
 */
export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
/** The cookie that carries the language before sign-in (next-intl's own name for it). */
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Any value (cookie, column, header) → a supported locale; unknown values fall back to the default. */
export function localeOr(value: unknown, fallback: Locale = DEFAULT_LOCALE): Locale {
  return isLocale(value) ? value : fallback;
}

/** The switch in the header names each language in itself. */
export const LOCALE_NAMES: Record<Locale, string> = { "zh-CN": "中文", en: "English" };
