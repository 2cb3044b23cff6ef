/** next-intl's per-request configuration (server components, server actions): the language and its catalog. */
import { getRequestConfig } from "next-intl/server";
import { messagesFor } from "@/lib/i18n/catalog";
import { requestLocale } from "@/lib/server/locale";

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: messagesFor(locale), timeZone: "Asia/Shanghai" };
});
