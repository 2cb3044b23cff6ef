import type { MessageKeys, NestedKeyOf } from "next-intl";
import type { Messages } from "@/lib/i18n/catalog";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";

/**
 * Errors a use case can end with. Each says in plain words what to do next; server actions show it as it is. Anything
 * a caller may not see is reported as NotFound (deny by default: 404).
 *
 * Language (ADR 0010): a refusal is said in the language of whoever acted. A use case names its message by key in the
 * `errors` catalog (`say("key", values)`) and the action pipeline renders it in the actor's language
 * (`messageIn(actor.locale)`); `message` is always the Chinese text, for logs and tests. A plain string is a Chinese
 * message kept as it is (reviewer and administrator pages stay Chinese).
 */
export type ErrorKey = MessageKeys<Messages["errors"], NestedKeyOf<Messages["errors"]>>;
/** A name of a domain code (`type.initial`, `status.draft`, …) from the `domain` catalog. */
export type DomainKey = MessageKeys<Messages["domain"], NestedKeyOf<Messages["domain"]>>;
type Value = string | number | Said | Named | Joined | InEach;
/** A text already written in every language (an eligibility reason said by lib/i18n/filing.ts). */
type InEach = { readonly inEach: Readonly<Record<Locale, string>> };
/** Several texts as one value, joined the way the language lists them: reasons (；/ ; ) or names (、/ , ). */
type Joined = { readonly joined: readonly Text[]; readonly names?: boolean };
/** A domain code by name; `zh`: the exact Chinese wording where it differs from the catalog's (program-specific). */
type Named = { readonly domain: DomainKey; readonly zh?: string };
/**
 * A message of the errors catalog with its values; a value may itself be a message (the name of a thing). `zh`: the
 * exact Chinese where lib/domain already wrote it (an eligibility reason, a rule of the engine), which stays as it is.
 */
export type Said = { readonly key: ErrorKey; readonly values?: Readonly<Record<string, Value>>; readonly zh?: string };
/** What a refusal says: a catalog message, or plain Chinese. */
export type Text = string | Said;

export const say = (key: ErrorKey, values?: Record<string, Value>, zh?: string): Said => ({ key, values, zh });
export const joined = (texts: readonly Text[], names = false): Joined => ({ joined: texts, names });
/** A domain code named in the reader's language, as a value of a message. */
export const named = (domain: DomainKey, zh?: string): Named => ({ domain, zh });
export const inEach = (texts: Readonly<Record<Locale, string>>): InEach => ({ inEach: texts });

function value(v: Value, locale: Locale): string | number {
  if (typeof v !== "object") return v;
  if ("inEach" in v) return v.inEach[locale];
  if ("joined" in v) {
    const separator = translator(locale, "errors")(v.names ? "namesSeparator" : "listSeparator");
    return v.joined.map((t) => render(t, locale)).join(separator);
  }
  if (!("domain" in v)) return render(v, locale);
  return locale === DEFAULT_LOCALE && v.zh !== undefined ? v.zh : translator(locale, "domain")(v.domain);
}

/** A text in one language (a refusal in the actor's, a domain reason inside it in the same one). */
export function render(text: Text, locale: Locale): string {
  if (typeof text === "string") return text;
  if (locale === DEFAULT_LOCALE && text.zh !== undefined) return text.zh;
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(text.values ?? {})) values[k] = value(v, locale);
  return translator(locale, "errors")(text.key, values);
}

function renderAll(texts: Record<string, Text> | undefined, locale: Locale): Record<string, string> | undefined {
  if (!texts) return undefined;
  return Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, render(v, locale)]));
}

export class ServiceError extends Error {
  /** The field messages in Chinese (as `message`); `fieldErrorsIn(locale)` for the reader's language. */
  readonly fieldErrors?: Record<string, string>;

  constructor(
    readonly kind: "not_found" | "conflict" | "invalid" | "refused",
    readonly text: Text,
    readonly fieldTexts?: Record<string, Text>,
  ) {
    super(render(text, DEFAULT_LOCALE));
    this.name = "ServiceError";
    this.fieldErrors = renderAll(fieldTexts, DEFAULT_LOCALE);
  }

  messageIn(locale: Locale): string {
    return render(this.text, locale);
  }

  fieldErrorsIn(locale: Locale): Record<string, string> | undefined {
    return renderAll(this.fieldTexts, locale);
  }
}

/** What a NotFound names ("该申请" / "This application"): a key of `errors.thing`. */
export type Thing = keyof Messages["errors"]["thing"];

export const notFound = (what: Thing = "record") =>
  new ServiceError("not_found", say("notFound", { what: say(`thing.${what}`) }));

/** Another actor changed the application first (optimistic concurrency). */
export const conflict = (message: Text = say("conflict")) => new ServiceError("conflict", message);

export const invalid = (message: Text, fieldErrors?: Record<string, Text>) =>
  new ServiceError("invalid", message, fieldErrors);

/** A business rule refuses the action; the message names the rule's reason. */
export const refused = (message: Text) => new ServiceError("refused", message);
