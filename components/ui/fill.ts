/**
 * Fills `{name}` placeholders of a catalog message handed to a client component as a plain string (client components
 * get their texts as props and never load next-intl). Only simple `{name}` arguments: no plural or select forms.
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
