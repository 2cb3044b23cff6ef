/**
 * G8 server-side validation of an application form against its form spec (form-specs.ts): required fields,
 * value kinds, the 信息变更 rules (N2/N3) and required attachments. Every message says what to fill in.
 */
import { isUuid } from "./ids";
import { isPerSpecialty } from "./application-types";
import { isIsoDate } from "./dates";
import {
  BASIC_INFO_FIELDS,
  type FieldCondition,
  type FieldSpec,
  FORM_FIELDS,
  IMPORTANT_INFO_FIELDS,
} from "./form-specs";
import { idNumberProblem } from "./id-checksums";
import { STAMPED_FORM } from "./stamped-form";
import type { AttachmentCondition, Program } from "./programs/types";
import { type ApplicationType, ID_DOCUMENT_TYPES } from "./types";

export interface FormContext {
  /** I2/A1: the filing is past the initial-registration deadline. */
  readonly overdue: boolean;
}

export interface FieldError {
  readonly field: string;
  /** The problem in plain Chinese (what the server stores and zh-CN readers see). */
  readonly message: string;
  readonly rule?: string;
  /** The same problem as a code and its values, so it can be said in another language (lib/i18n/filing.ts). */
  readonly problem?: FieldProblem;
}

/**
 * A field problem by code (issue 14 item 4): `field` is the spec's name (its label is looked up in the reader's
 * language), `column` a table column's name, `row` 1-based, `attachment` an attachment code.
 */
export type FieldProblem =
  | {
      readonly code: "required" | "date" | "non_negative" | "tick" | "choose" | "pick_employer";
      readonly field: string;
    }
  | { readonly code: "table_format"; readonly field: string }
  | { readonly code: "min_rows"; readonly field: string; readonly min: number }
  | { readonly code: "cell_required"; readonly field: string; readonly column: string; readonly row: number }
  | {
      readonly code: "cell_date" | "cell_non_negative";
      readonly field: string;
      readonly column: string;
      readonly row: number;
    }
  | { readonly code: "opinion"; readonly field: string }
  | { readonly code: "not_a_specialty"; readonly field: string; readonly value: string }
  | { readonly code: "no_change" | "new_id_number_needed" | "new_id_type_needed"; readonly field: string }
  | { readonly code: "id_number"; readonly field: string; readonly idType: string }
  | { readonly code: "stamped_form" | "upload"; readonly field: string; readonly attachment: string };

/**
 * The values of an application form as saved (field name → value). Not the DOM's `FormData`: this is the parsed,
 * stored record of what the applicant entered.
 */
export type ApplicationFormValues = Readonly<Record<string, unknown>>;

function conditionHolds(
  cond: FieldCondition | AttachmentCondition | undefined,
  data: ApplicationFormValues,
  ctx: FormContext,
): boolean {
  switch (cond) {
    case undefined:
    case "always":
      return true;
    case "overdue":
      return ctx.overdue;
    case "forced_cancellation":
      return data.forced === true;
    case "important_info_change":
      return data.kind === "important";
    case "basic_info_change":
      return data.kind === "basic";
  }
}

function isBlank(v: unknown): boolean {
  return (
    v === undefined || v === null || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0)
  );
}

/** Where a value sits: a field, or a cell of a table (its column and 1-based row). */
type Place = { readonly field: string; readonly cell?: { readonly column: string; readonly row: number } };

function checkValue(spec: FieldSpec, value: unknown, path: string, errors: FieldError[], place: Place): void {
  const err = (message: string, problem: FieldProblem): void =>
    void errors.push({ field: path, message, ...(spec.rule ? { rule: spec.rule } : {}), problem });
  const simple = (code: "date" | "non_negative" | "tick" | "choose" | "pick_employer"): FieldProblem =>
    place.cell && (code === "date" || code === "non_negative")
      ? { code: code === "date" ? "cell_date" : "cell_non_negative", field: place.field, ...place.cell }
      : { code, field: place.field };
  if (spec.kind === "date" && !isIsoDate(value)) err(`「${spec.label}」须为日期（YYYY-MM-DD）`, simple("date"));
  if (spec.kind === "number" && (typeof value !== "number" || !Number.isFinite(value) || value < 0))
    err(`「${spec.label}」须为非负数`, simple("non_negative"));
  if (spec.kind === "boolean" && typeof value !== "boolean") err(`「${spec.label}」须勾选`, simple("tick"));
  if (spec.kind === "select" && spec.options && !spec.options.some((o) => o.value === value))
    err(`「${spec.label}」须从列表中选择`, simple("choose"));
  if (spec.kind === "employer" && (typeof value !== "string" || !isUuid(value)))
    err(`「${spec.label}」须通过企业名称查找后从列表中选择`, simple("pick_employer"));
  if (spec.kind === "table") {
    if (!Array.isArray(value)) {
      err(`「${spec.label}」格式不正确`, { code: "table_format", field: spec.name });
      return;
    }
    if (spec.minRows && value.length < spec.minRows)
      err(`「${spec.label}」至少填写 ${spec.minRows} 行`, { code: "min_rows", field: spec.name, min: spec.minRows });
    value.forEach((row, i) => {
      for (const col of spec.columns ?? []) {
        const cell = (row as Record<string, unknown> | null)?.[col.name];
        const at = `${path}[${i}].${col.name}`;
        if (isBlank(cell)) {
          if (col.required)
            errors.push({
              field: at,
              message: `第${i + 1}行「${col.label}」为必填项`,
              problem: { code: "cell_required", field: spec.name, column: col.name, row: i + 1 },
            });
        } else checkValue(col, cell, at, errors, { field: spec.name, cell: { column: col.name, row: i + 1 } });
      }
    });
  }
}

/**
 * G8 server-side validation of what the applicant typed. Account/registration fields are filled by services,
 * so only `input` fields (and the specialty) are checked here; the domain rules themselves are in eligibility.ts.
 */
export function validateApplicationForm(
  program: Program,
  type: ApplicationType,
  data: ApplicationFormValues,
  ctx: FormContext,
  attachments: Readonly<Record<string, unknown>> = {},
): FieldError[] {
  const errors: FieldError[] = [];
  for (const spec of FORM_FIELDS[type]) {
    if (spec.source !== "input") continue;
    const value = data[spec.name];
    const required = spec.when ? conditionHolds(spec.when, data, ctx) : spec.required;
    if (isBlank(value)) {
      if (required)
        errors.push({
          field: spec.name,
          message: `「${spec.label}」为必填项`,
          ...(spec.rule ? { rule: spec.rule } : {}),
          problem: { code: "required", field: spec.name },
        });
      continue;
    }
    checkValue(spec, value, spec.name, errors, { field: spec.name });
    // G5: the 申请人员意见 box must be ticked before saving (`002` §3.1.1.4).
    if (spec.name === "applicantOpinion" && value !== true)
      errors.push({
        field: spec.name,
        message: "保存前须勾选「申请人员意见」",
        rule: "G5",
        problem: { code: "opinion", field: spec.name },
      });
  }
  if (
    isPerSpecialty(type) &&
    typeof data.specialty === "string" &&
    !program.specialties.some((s) => s.code === data.specialty)
  ) {
    errors.push({
      field: "specialty",
      message: `「${String(data.specialty)}」不是${program.name}的注册专业（每次只能申请一个专业）`,
      rule: "G1",
      problem: { code: "not_a_specialty", field: "specialty", value: String(data.specialty) },
    });
  }
  if (type === "info_change") {
    const fields = data.kind === "important" ? IMPORTANT_INFO_FIELDS : BASIC_INFO_FIELDS;
    if (fields.every((k) => isBlank(data[k])))
      errors.push({
        field: "kind",
        message: "请至少填写一项变更内容",
        rule: data.kind === "important" ? "N3" : "N2",
        problem: { code: "no_change", field: "kind" },
      });
    if (data.kind === "important") errors.push(...identityChangeProblems(data));
  }
  for (const att of program.attachments[type] ?? []) {
    if (att.required && conditionHolds(att.when, data, ctx) && isBlank(attachments[att.code])) {
      // The stamped form can only be made from a saved form (`000`/`001` §三.1(7): 保存，打印申请表，盖章后上传，再次保存).
      const stamped = att.code === STAMPED_FORM;
      const message = stamped
        ? `请打印已保存的申请表，加盖单位公章后上传「${att.label}」，再次保存`
        : `请上传「${att.label}」`;
      const field = `attachments.${att.code}`;
      errors.push({
        field,
        message,
        problem: { code: stamped ? "stamped_form" : "upload", field, attachment: att.code },
      });
    }
  }
  return errors;
}

/** N3: a new ID number is checked for its type (check digit where one exists); a new type needs its number. */
function identityChangeProblems(data: ApplicationFormValues): FieldError[] {
  const type = data.newIdType;
  const number = typeof data.newIdNumber === "string" ? data.newIdNumber.trim() : "";
  if (!isBlank(type) && number === "")
    return [
      {
        field: "newIdNumber",
        message: "变更证件类型时须填写该证件的号码",
        rule: "N3",
        problem: { code: "new_id_number_needed", field: "newIdNumber" },
      },
    ];
  if (number === "") return [];
  if (isBlank(type))
    return [
      {
        field: "newIdType",
        message: "请选择变更后证件类型（与变更后证件号对应）",
        rule: "N3",
        problem: { code: "new_id_type_needed", field: "newIdType" },
      },
    ];
  if (!(ID_DOCUMENT_TYPES as readonly unknown[]).includes(type)) return []; // the select's own message says so
  const problem = idNumberProblem(String(type), number);
  return problem
    ? [
        {
          field: "newIdNumber",
          message: problem,
          rule: "N3",
          problem: { code: "id_number", field: "newIdNumber", idType: String(type) },
        },
      ]
    : [];
}
