import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/catalog";

// Every t("…") key and its placeholders are checked against the zh-CN catalog at compile time.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
