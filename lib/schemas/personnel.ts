import { z } from "zod";
import { m } from "./messages";
import { PERSONNEL_FIELD_LABELS } from "@/lib/domain/personnel";
import { optionalText, postedVersion, text, upload, uuid } from "./common";

/**
 * 人员管理 (M4) and 单位名称变更 (R4) forms, as posted. Only the shape is checked here; what a record or a decision
 * needs (required fields, an opinion for 退回) is the services' rule, so its message names the field.
 */
const UNKNOWN = m("unknownReview");

const recordFields = z.object(
  Object.fromEntries(Object.keys(PERSONNEL_FIELD_LABELS).map((k) => [k, text(200).default("")])) as Record<
    keyof typeof PERSONNEL_FIELD_LABELS,
    z.ZodDefault<ReturnType<typeof text>>
  >,
);

/** 保存: a new record (no id) or an edit of one the page showed at `version`; the record's fields are posted flat. */
export const personnelSaveSchema = z.preprocess(
  (raw) => {
    const { id, version, ...fields } = (raw ?? {}) as Record<string, unknown>;
    return { id: id || undefined, version: version || undefined, fields };
  },
  z.object({ id: uuid.optional(), version: postedVersion.optional(), fields: recordFields }),
);

export const personnelSubmitSchema = z.object({ id: uuid, version: postedVersion });

export const personnelReviewSchema = z.object({
  id: uuid,
  version: postedVersion,
  decision: z.enum(["approve", "return"], UNKNOWN),
  opinion: optionalText(500),
});

export const nameChangeFilingSchema = z.object({ newName: text(200), proof: upload });

export const nameChangeDecisionSchema = z.object({
  id: uuid,
  version: postedVersion,
  decision: z.enum(["approve", "reject"], UNKNOWN),
  opinion: optionalText(500),
});
