"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { plainFormAction } from "@/app/_lib/action-pipeline";
import { languageSchema } from "@/lib/schemas/language";
import { rememberLocaleCookie } from "@/lib/server/locale";
import { changeLanguage } from "@/lib/services/accounts/change-language";

/**
 * 语言 / Language in the header, on every page (works without client JS). Signed in: the account remembers it;
 * either way this browser keeps it in a cookie for the pages shown before sign-in. Then the same page again.
 */
export const switchLanguage = plainFormAction("public", languageSchema, async (input, { user }) => {
  if (user) await changeLanguage(getDb(), user.id, input.locale);
  await rememberLocaleCookie(input.locale);
  redirect(samePage((await headers()).get("referer")));
});

/** The page the switch was pressed on, as a path on this site (never an open redirect). */
function samePage(referer: string | null): string {
  try {
    const url = new URL(referer ?? "/", "http://portal.invalid");
    return url.pathname.startsWith("//") ? "/" : `${url.pathname}${url.search}`;
  } catch {
    return "/";
  }
}
