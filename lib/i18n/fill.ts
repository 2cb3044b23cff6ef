/**
 * Fills `{name}` placeholders of a catalog text. Client components get raw catalog texts as props (they never import
 * next-intl, ADR 0010) and fill counts and names in the browser with this; only plain placeholders, no ICU syntax.
 */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.hasOwn(values, key) ? String(values[key]) : whole,
  );
}
