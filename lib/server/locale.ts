import { cookies } from "next/headers";
import { cache } from "react";
import { DEFAULT_LOCALE, LOCALE_COOKIE, localeOr, type Locale } from "@/lib/i18n/locales";
import { getCurrentUser } from "./auth";

/**
 * The language of this request: the signed-in account's choice, else the cookie set by the switch on a page shown
 * before sign-in, else Chinese. No Accept-Language guessing: the portal is Chinese unless someone chooses otherwise.
 */
export const requestLocale = cache(async (): Promise<Locale> => {
  const user = await getCurrentUser();
  if (user) return user.locale;
  const jar = await cookies();
  return localeOr(jar.get(LOCALE_COOKIE)?.value, DEFAULT_LOCALE);
});

/** Remembers the language in this browser too, so the sign-in page after 退出登录 stays in it. */
export async function rememberLocaleCookie(locale: Locale): Promise<void> {
  const jar = await cookies();
  jar.set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
}
