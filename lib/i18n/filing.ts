/**
 * The filing pages' domain words in the reader's language (issue 14 item 4): programme, specialty and type names,
 * form fields, options and attachments by code, timeline events, the applicant's plain status text and the wizard's
 * field problems. Chinese readers get exactly the domain's own Chinese (lib/domain stays the reference); other
 * languages read the `domain` and `filing` catalogs by code and fall back to the Chinese for a code the catalog does
 * not know (a programme or attachment added as reference data).
 */
import { levelAt, statusLabel, type Application } from "@/lib/domain/application";
import { APPLICATION_TYPE_LABELS } from "@/lib/domain/application-types";
import { CANCELLATION_REASONS, type FieldSpec } from "@/lib/domain/form-specs";
import type { FieldProblem } from "@/lib/domain/form-validation";
import { type ApprovalOutcome, outcomeLines } from "@/lib/domain/filed-facts";
import { ACTIONS, type Action } from "@/lib/domain/transitions/labels";
import type { Program } from "@/lib/domain/programs/types";
import type { ApplicationType } from "@/lib/domain/types";
import { messagesFor } from "./catalog";
import type { Locale } from "./locales";
import { fill } from "./fill";

const isZh = (locale: Locale) => locale === "zh-CN";
const domainOf = (locale: Locale) => messagesFor(locale).domain;
const pick = (table: Readonly<Record<string, string>> | undefined, key: string): string | undefined =>
  table && Object.hasOwn(table, key) ? table[key] : undefined;

/** 一级造价工程师, 二级造价工程师（上海市） … by code; provincial programmes carry their province as data. */
export function programName(locale: Locale, program: Pick<Program, "code" | "name" | "jurisdiction">): string {
  if (isZh(locale)) return program.name;
  const names = domainOf(locale).program;
  if (program.code.startsWith("cost2-") && program.jurisdiction.kind === "provincial")
    return fill(names.cost2, { province: program.jurisdiction.province });
  return pick(names, program.code) ?? program.name;
}

/** The profession without its province (professionName() in Chinese). */
export function professionText(locale: Locale, program: Pick<Program, "code" | "name">): string {
  if (isZh(locale)) return program.name.replace(/（.*）$/, "");
  const names = domainOf(locale).profession;
  return pick(names, program.code.startsWith("cost2-") ? "cost2" : program.code) ?? program.name;
}

export function specialtyText(locale: Locale, program: Pick<Program, "specialties">, code: string): string {
  const zh = program.specialties.find((s) => s.code === code)?.name ?? code;
  return isZh(locale) ? zh : (pick(domainOf(locale).specialty, code) ?? zh);
}

export function typeText(locale: Locale, type: ApplicationType): string {
  return isZh(locale) ? APPLICATION_TYPE_LABELS[type] : domainOf(locale).type[type];
}

/** 「初始注册（土木建筑工程）」: the type and, for per-specialty types, the specialty. */
export function itemText(locale: Locale, typeLabel: string, specialtyName: string | null): string {
  if (!specialtyName) return typeLabel;
  return isZh(locale) ? `${typeLabel}（${specialtyName}）` : `${typeLabel} (${specialtyName})`;
}

export function fieldLabel(locale: Locale, type: ApplicationType, spec: Pick<FieldSpec, "name" | "label">): string {
  if (isZh(locale)) return spec.label;
  const d = domainOf(locale);
  return pick(d.fieldFor[type as keyof typeof d.fieldFor], spec.name) ?? pick(d.field, spec.name) ?? spec.label;
}

function columnLabel(locale: Locale, col: Pick<FieldSpec, "name" | "label">): string {
  return isZh(locale) ? col.label : (pick(domainOf(locale).column, col.name) ?? col.label);
}

/** Option values stored in Chinese (获取执业资格方式, 注销原因) have codes only here, for their English names. */
const QUALIFICATION_METHOD_CODES: Readonly<Record<string, string>> = {
  考试: "exam",
  特许: "special",
  考核认定: "assessment",
  资格互认: "mutual",
};
const CANCELLATION_REASON_CODES = [
  "employer_bankrupt",
  "employer_licence_revoked",
  "employment_ended",
  "expiring",
  "penalised",
  "own_request",
  "other",
] as const satisfies readonly string[] & { length: (typeof CANCELLATION_REASONS)["length"] };

function optionLabel(locale: Locale, field: string, value: string, zh: string): string {
  const o = domainOf(locale).option;
  switch (field) {
    case "qualificationMethod":
      return pick(o.qualificationMethod, QUALIFICATION_METHOD_CODES[value] ?? "") ?? zh;
    case "reason": {
      const i = (CANCELLATION_REASONS as readonly string[]).indexOf(value);
      if (i >= 0) return pick(o.cancellationReason, CANCELLATION_REASON_CODES[i]!) ?? zh;
      return pick(o.reissueReason, value) ?? zh;
    }
    case "kind":
      return pick(o.infoChangeKind, value) ?? zh;
    case "newIdType":
      return pick(domainOf(locale).idType, value) ?? zh;
    default:
      return zh;
  }
}

/** A form field with its label, options, columns and derived values in the reader's language. */
export function localizeField<F extends FieldSpec | (Omit<FieldSpec, "columns"> & { columns?: F[] })>(
  locale: Locale,
  type: ApplicationType,
  f: F,
): F {
  if (isZh(locale)) return f;
  const o = domainOf(locale).option;
  return {
    ...f,
    label: fieldLabel(locale, type, f),
    ...(f.options
      ? { options: f.options.map((x) => ({ value: x.value, label: optionLabel(locale, f.name, x.value, x.label) })) }
      : {}),
    ...(f.columns ? { columns: f.columns.map((c) => ({ ...c, label: columnLabel(locale, c) })) } : {}),
    ...(f.deriveFrom
      ? {
          deriveFrom: {
            field: f.deriveFrom.field,
            values: Object.fromEntries(
              Object.entries(f.deriveFrom.values).map(([k, v]) => [k, pick(o.reissueRequest, k) ?? v]),
            ),
          },
        }
      : {}),
  };
}

/** A value the form shows read-only that is a domain word (变更类型 scope …), in the reader's language. */
export function changeScopeText(locale: Locale, code: string, zh: string): string {
  return isZh(locale) ? zh : (pick(domainOf(locale).option.changeScope, code) ?? zh);
}

export function attachmentLabel(locale: Locale, type: ApplicationType, code: string, zh: string): string {
  if (isZh(locale)) return zh;
  const d = domainOf(locale);
  return pick(d.attachmentFor[type as keyof typeof d.attachmentFor], code) ?? pick(d.attachment, code) ?? zh;
}

/** What the timeline says happened (T1), by the event's action. */
export function eventText(locale: Locale, action: string, zh: string): string {
  if (isZh(locale)) return zh;
  return (
    pick(domainOf(locale).event, action) ?? (Object.hasOwn(ACTIONS, action) ? ACTIONS[action as Action].event : zh)
  );
}

export function actorText(locale: Locale, actorKind: string, zh: string): string {
  return isZh(locale) ? zh : (pick(domainOf(locale).actorKind, actorKind) ?? zh);
}

/** T1: the applicant's plain status text — statusLabel() in Chinese, its English equivalent by the same cases. */
export function applicantStatusText(locale: Locale, app: Application, program: Program): string {
  if (isZh(locale)) return statusLabel(app, program);
  const t = messagesFor(locale).filing.statusText;
  const level = levelAt(app, program);
  const levelName = level ? (pick(domainOf(locale).level, level.level) ?? level.short) : "";
  const stage = level?.stage === "初审" ? t.stage_first : t.stage_approval;
  const v = { level: levelName, stage };
  switch (app.status) {
    case "draft":
      return t.draft;
    case "signed":
      return t.signed;
    case "returned":
      return t.returned;
    case "pending_acceptance":
      return fill(t.pending_acceptance, v);
    case "withdrawal_requested":
      return fill(t.withdrawal_requested, v);
    case "correction_requested":
      return fill(app.correction?.from === "under_review" ? t.correction_review : t.correction_acceptance, v);
    case "under_review":
      return fill(t.under_review, v);
    case "publicized":
      return app.notice?.outcome === "fail" ? t.publicized_fail : t.publicized;
    case "approved":
      if (app.type === "cancellation") return t.approved_cancellation;
      return ["initial", "extension", "change", "add_specialty"].includes(app.type)
        ? t.approved_registration
        : fill(t.approved_other, { type: domainOf(locale).type[app.type].toLowerCase() });
    case "rejected":
      return t.rejected;
    case "withdrawn":
      return t.withdrawn;
    case "deleted":
      return t.deleted;
  }
}

/** The form a problem was found on: its type (field labels) and programme (specialty names, attachments). */
export type ProblemContext = { readonly type: ApplicationType; readonly program: Program };

/**
 * A field problem of validateApplicationForm() in the reader's language: Chinese readers get the domain's message
 * unchanged; others get the catalog text for its code, with the field, column and attachment named in their language.
 */
export function fieldProblemText(
  locale: Locale,
  ctx: ProblemContext,
  error: { readonly message: string; readonly problem?: FieldProblem },
): string {
  const p = error.problem;
  if (isZh(locale) || !p) return error.message;
  const t = messagesFor(locale).filing.problem;
  const spec = { name: p.field, label: p.field };
  const label = fieldLabel(locale, ctx.type, spec);
  switch (p.code) {
    case "cell_required":
    case "cell_date":
    case "cell_non_negative":
      return fill(t[p.code], { label: columnLabel(locale, { name: p.column, label: p.column }), row: p.row });
    case "min_rows":
      return fill(t.min_rows, { label, min: p.min });
    case "not_a_specialty":
      return fill(t.not_a_specialty, { value: p.value, program: programName(locale, ctx.program) });
    case "id_number":
      return fill(t.id_number, { idType: pick(domainOf(locale).idType, p.idType) ?? p.idType });
    case "stamped_form":
    case "upload": {
      const zh = (ctx.program.attachments[ctx.type] ?? []).find((a) => a.code === p.attachment)?.label ?? p.attachment;
      return fill(t[p.code], { label: attachmentLabel(locale, ctx.type, p.attachment, zh) });
    }
    default:
      return fill(t[p.code], { label });
  }
}

/**
 * An eligibility explanation of 新增注册申请 in the reader's language: Chinese readers get the domain's message;
 * others the catalog text for its code, with specialty, type, employer kind, change scope and status codes named in
 * their language. A reason without a code (a programme's own advice text) stays as the domain wrote it.
 */
export function reasonText(
  locale: Locale,
  program: Program,
  reason: {
    readonly message: string;
    readonly code?: string;
    readonly values?: Readonly<Record<string, string | number>>;
  },
): string {
  const texts = messagesFor(locale).filing.reason;
  const code = reason.code;
  if (isZh(locale) || !code || !Object.hasOwn(texts, code)) return reason.message;
  const d = domainOf(locale);
  const v: Record<string, string | number> = { ...reason.values, program: programName(locale, program) };
  const raw = reason.values ?? {};
  if (typeof raw.specialty === "string") v.specialty = specialtyText(locale, program, raw.specialty);
  if (typeof raw.type === "string") v.type = pick(d.type, raw.type)?.toLowerCase() ?? raw.type;
  if (typeof raw.kind === "string") v.kind = pick(d.employerKind, raw.kind)?.toLowerCase() ?? raw.kind;
  if (typeof raw.scope === "string") v.scope = pick(d.option.changeScope, raw.scope)?.toLowerCase() ?? raw.scope;
  if (typeof raw.status === "string") v.status = pick(d.status, raw.status)?.toLowerCase() ?? raw.status;
  return fill(texts[code as keyof typeof texts], v);
}

/**
 * The decision on 申请详情 (结果): Chinese readers see the summary and lines the decision stored (outcomeLines());
 * others a sentence by type and the issued, cancelled and voided numbers in their language.
 */
export function outcomeText(
  locale: Locale,
  type: ApplicationType,
  outcome: ApprovalOutcome,
): { summary: string; lines: string[] } {
  if (isZh(locale)) return { summary: outcome.summary, lines: outcomeLines(outcome) };
  const t = messagesFor(locale).filing.outcome;
  const lines = outcome.issued.map((n) => fill(t.issued, { ...n }));
  if (outcome.cancelled.length) lines.push(fill(t.cancelled, { numbers: outcome.cancelled.join(", ") }));
  if (outcome.voided.length) lines.push(fill(t.voided, { numbers: outcome.voided.join(", ") }));
  return { summary: fill(t.decided, { type: typeText(locale, type) }), lines };
}
