import { createElement, Fragment, type ReactNode } from "react";

/**
 * Fills `{name}` placeholders of a catalog message handed to a client component as a plain string (client components
 * get their texts as props and never load next-intl). Only simple `{name}` arguments: no plural or select forms.
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Like fill, but the values may be elements (a name in <strong>): one fragment of the pieces in order. */
export function fillNodes(template: string, values: Record<string, ReactNode>): ReactNode {
  const parts = template
    .split(/(\{\w+\})/)
    .filter((part) => part !== "")
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      return name !== undefined && name in values ? values[name] : part;
    });
  // Children as arguments, not an array: a fixed sequence needs no keys.
  return createElement(Fragment, null, ...parts);
}
