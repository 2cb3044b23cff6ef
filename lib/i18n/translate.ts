/**
 * Translation outside React (services, jobs, SMS, the action pipeline): text is produced in the language of whoever
 * will read it, when it is produced — an error in the actor's language, a 我的消息 or SMS in the recipient's. Pages and
 * server components use next-intl's getTranslations(), which reads the same catalogs through i18n/request.ts.
 */
import { createTranslator, type NamespaceKeys, type NestedKeyOf } from "next-intl";
import { messagesFor, type Messages } from "./catalog";
import type { Locale } from "./locales";

export function translator<N extends NamespaceKeys<Messages, NestedKeyOf<Messages>>>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: messagesFor(locale), namespace });
}
