import { z } from "zod";
import { m } from "./messages";
import { isCleanText } from "@/lib/domain/clean-text";

/**
 * Building blocks every server action's input schema is made of (issue 9 item 7, ASVS V5.1.3/V5.1.4): ids are
 * parsed as ids before any query, and text that PostgreSQL or the PDF renderer cannot store (NUL) or that is not
 * well-formed Unicode (a lone surrogate) is refused with a message saying what to do, never passed on.
 */

/**
 * Zod's own messages are English and technical ("Invalid input: expected string, received number"). Every schema
 * names its messages; for the issues only hostile or broken clients cause (wrong types, unknown keys), this is what
 * a person sees instead. Explicit messages on a schema always win over this fallback.
 */
z.config({
  customError: (issue) =>
    issue.code === "too_big" ? m("tooLong") : issue.code === "too_small" ? m("required") : m("unrecognised"),
});

export { HOSTILE_TEXT_MESSAGE } from "@/lib/domain/clean-text";
const BAD_ID_MESSAGE = m("badId");
const STALE_VERSION_MESSAGE = m("staleVersion");

/** Any text typed by a person: trimmed, at most `max` characters, well-formed and without NUL. */
export function text(max: number, tooLong = m("maxChars", { max })) {
  return z.string().trim().max(max, tooLong).refine(isCleanText, m("hostileText"));
}

/** Optional free text (意见 etc.): empty becomes undefined, as the services expect. */
export function optionalText(max: number) {
  return text(max)
    .optional()
    .transform((v) => v || undefined);
}

/**
 * One id schema for the whole portal. Any 8-4-4-4-12 hex id (PostgreSQL's uuid type accepts every such value, and
 * reference data uses fixed non-RFC ids), nothing else — a 36-character non-id never reaches a query.
 */
export const uuid = z.guid(BAD_ID_MESSAGE);

/** The version of the record the person saw (optimistic concurrency), as client code passes it. */
export const version = z.number(STALE_VERSION_MESSAGE).int(STALE_VERSION_MESSAGE).min(0, STALE_VERSION_MESSAGE);

/** The same, posted by a form as text: digits only (no coercion — `Number("")` and `Number(null)` are 0). */
export const postedVersion = z
  .string(STALE_VERSION_MESSAGE)
  .regex(/^\d{1,9}$/, STALE_VERSION_MESSAGE)
  .transform(Number);

/** A checkbox in a posted form: "on" when ticked, absent otherwise. */
export const checkbox = z
  .unknown()
  .optional()
  .transform((v) => v === "on" || v === "1" || v === true);

/** One cell of an application form: what a person can type or pick; text is checked like every other text. */
export const formCell = z.union([text(2000), z.number().finite(), z.boolean(), z.null()]);

/** A list posted by repeating one form field (复选 reasons, selected applications …). */
export function list<T extends z.ZodType>(item: T, max: number) {
  return z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(max));
}

/** A posted file input: a File when one was chosen (an empty one when not), never text. */
export const upload = z
  .unknown()
  .optional()
  .refine((v) => v === undefined || v instanceof File, m("chooseFileAgain"))
  .transform((v) => (v instanceof File && v.size > 0 ? v : null));
