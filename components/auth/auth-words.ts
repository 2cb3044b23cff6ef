/**
 * The texts the sign-in and 获取密码 / 找回密码 forms show, in the page's language, handed to those client components as
 * one prop (ADR 0010: no next-intl and no catalog in the browser). Server-only: pages call authWords(locale).
 */
import { authProblemTexts } from "@/lib/i18n/auth-problems";
import { messagesFor, type Messages } from "@/lib/i18n/catalog";
import type { Locale } from "@/lib/i18n/locales";

export interface AuthWords {
  form: Messages["auth"]["form"];
  flow: Messages["auth"]["flow"];
  humanCheck: Messages["auth"]["humanCheck"] & { language: "en" | "zh-cn" };
  idTypes: Messages["domain"]["idType"];
  /** Chinese problem text (browser checks, schemas, services) → the same in this language; empty for Chinese. */
  problems: Record<string, string>;
}

export function authWords(locale: Locale): AuthWords {
  const m = messagesFor(locale);
  return {
    form: m.auth.form,
    flow: m.auth.flow,
    humanCheck: { ...m.auth.humanCheck, language: locale === "en" ? "en" : "zh-cn" },
    idTypes: m.domain.idType,
    problems: authProblemTexts(locale),
  };
}
