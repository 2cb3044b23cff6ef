/**
 * The sign-in and password pages' input problems are made in Chinese by code the browser also runs (components/auth/
 * checks.ts, lib/domain/id-checksums.ts, lib/domain/password-rule.ts) and by the zod schemas in
 * lib/schemas/accounts.ts, which must say exactly the same (tests/unit/auth/client-checks.test.ts). Rather than thread
 * a language through all of them, their fixed texts are listed once in the `auth.problems` catalog and turned into the
 * reader's language where they are shown: on the server before answering, in the browser with the map below (passed
 * as a prop: the browser gets no catalog and no next-intl).
 */
import { messagesFor } from "./catalog";
import { DEFAULT_LOCALE, type Locale } from "./locales";

/** Chinese problem text → the same problem in `locale` (empty for Chinese: nothing to change). */
export function authProblemTexts(locale: Locale): Record<string, string> {
  if (locale === DEFAULT_LOCALE) return {};
  const zh = messagesFor(DEFAULT_LOCALE).auth.problems;
  const other = messagesFor(locale).auth.problems;
  const out: Record<string, string> = {};
  for (const key of Object.keys(zh) as (keyof typeof zh)[]) out[zh[key]] = other[key];
  return out;
}

/** One problem in `locale`; a text not in the list stays as it is. */
export function authProblemIn(locale: Locale, message: string): string {
  return authProblemTexts(locale)[message] ?? message;
}
