import { getLocale, getTranslations } from "next-intl/server";
import { switchLanguage } from "@/app/_actions/language";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";

/**
 * The header's language switch (public and signed-in headers): one small form per other language, no client
 * JavaScript — it posts, the action saves the choice (account and cookie) and shows the same page again. Each button
 * names its language in that language (and says so with `lang`), so a reader who cannot read the current one finds it.
 */
export async function LanguageSwitch() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("common")]);
  return (
    <div className="language-switch" role="group" aria-label={t("language")}>
      {LOCALES.filter((l) => l !== locale).map((l) => (
        <form key={l} action={switchLanguage}>
          <input type="hidden" name="locale" value={l} />
          <button
            type="submit"
            className="link-button"
            lang={l}
            data-testid="language-switch"
            title={t("switchTo", { language: LOCALE_NAMES[l] })}
          >
            {LOCALE_NAMES[l]}
          </button>
        </form>
      ))}
    </div>
  );
}
