import zh from "@/lib/i18n/messages/zh-CN/validation.json" with { type: "json" };

/**
 * The messages input schemas carry (issue 14 item 4, ADR 0010). A schema is built once and also imported by client
 * code, so it carries the Chinese text; `m(key, values)` remembers which catalog message (`validation` namespace) that
 * text is, and the action pipeline says it again in the reader's language (`validationMessage`). Placeholders are
 * plain `{name}`s. Only the zh-CN catalog is imported here: no i18n runtime reaches a client bundle.
 */
export type ValidationKey = keyof typeof zh;
type Values = Record<string, string | number>;

const known = new Map<string, { key: ValidationKey; values?: Values }>();

export function m(key: ValidationKey, values?: Values): string {
  const text = zh[key].replace(/\{(\w+)\}/g, (all, name: string) => String(values?.[name] ?? all));
  known.set(text, { key, values });
  return text;
}

/** Which catalog message a schema's text is (undefined: a text not made with `m`, shown as it is). */
export function validationMessage(text: string): { key: ValidationKey; values?: Values } | undefined {
  return known.get(text);
}
