import { z } from "zod";
import { m } from "./messages";
import { findProgram } from "@/lib/domain/programs";
import { APPLICATION_TYPES } from "@/lib/domain/types";
import { formCell, optionalText, text, uuid, version } from "./common";

/**
 * Input of the applicant's application actions, shared by the wizard and the server. Field names are bounded,
 * tables and uploads are bounded, every text is clean text (issue 9 item 7); what a type of application accepts is
 * decided by the save service from the form spec.
 */
const fieldName = z
  .string()
  .max(64)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, m("badFieldName"));
const tableRow = z.record(fieldName, formCell);
const formValues = z.record(fieldName, z.union([formCell, z.array(tableRow).max(50, m("tableRows"))]));

export const saveFormSchema = z.object({
  applicationId: uuid,
  version,
  values: formValues,
  /** Attachment code → uploaded file id. */
  attachments: z.record(fieldName, uuid).default({}),
});
export type SaveFormInput = z.input<typeof saveFormSchema>;

export const applicationRef = z.tuple([uuid]);
export const tickSchema = z.tuple([uuid, z.boolean()]);
export const signSchema = z.tuple([uuid, version, text(16)]);

const APPLICATION_OPS = ["edit_after_sign", "withdraw", "delete", "resubmit"] as const;
export const applicationOpSchema = z.tuple([
  uuid,
  version,
  z.enum(APPLICATION_OPS, m("unknownOperation")),
  optionalText(500),
]);

export const correctionSchema = z.tuple([
  uuid,
  version,
  z.array(uuid).max(20, m("tooManyFiles")),
  z.enum(["correction", "notice"], m("unknownOperation")),
  optionalText(500),
]);

const WRONG_TYPE = m("wrongType");
export const startApplicationSchema = z.object({
  programCode: text(32).refine((code) => !!findProgram(code), WRONG_TYPE),
  // The page passes the type as text; an unknown one is refused here, never looked up.
  type: z.string().pipe(z.enum(APPLICATION_TYPES, WRONG_TYPE)),
  specialtyCode: text(32).nullable(),
  infoChangeKind: z.enum(["basic", "important"]).nullish(),
});

/** 工作经历 / 工作业绩 / 继续教育: which list a record belongs to; anything else is refused by the schema. */
export const RECORD_KINDS = ["work", "achievement", "ce"] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
const recordKind = z.enum(RECORD_KINDS, m("recordKind"));
export const saveRecordSchema = z.tuple([recordKind, uuid.nullable(), z.record(fieldName, text(2000))]);
export const removeRecordSchema = z.tuple([recordKind, uuid]);
