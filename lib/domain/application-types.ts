/**
 * Application types: Chinese labels and a plain description of each type's form (fields + attachments)
 * from which services build validation and the UI builds forms. Field names follow the seed manuals.
 */
import { isIsoDate } from "./dates";
import { idNumberProblem } from "./id-checksums";
import type { AttachmentCondition, AttachmentSpec, Program } from "./programs/types";
import {
  APPLICATION_TYPES,
  ID_DOCUMENT_TYPE_LABELS,
  ID_DOCUMENT_TYPES,
  INFO_CHANGE_KINDS,
  REISSUE_REASON_LABELS,
  REISSUE_REASONS,
  type ApplicationType,
} from "./types";
import { isUuid } from "./ids";

export const APPLICATION_TYPE_LABELS = {
  initial: "初始注册",
  extension: "延续注册",
  change: "变更注册",
  add_specialty: "增项注册",
  cancellation: "注销注册",
  reissue: "证书补办（更改补办）",
  suspension: "暂停执业",
  resumption: "恢复执业",
  info_change: "信息变更",
} as const satisfies Record<ApplicationType, string>;

/** What a decision is called on the reviewer's button and in the timeline, per type (准予延续注册, 准予暂停执业 …). */
export const DECISION_LABELS = {
  initial: { approve: "准予注册", reject: "不予注册" },
  extension: { approve: "准予延续注册", reject: "不予延续注册" },
  change: { approve: "准予变更注册", reject: "不予变更注册" },
  add_specialty: { approve: "准予增项注册", reject: "不予增项注册" },
  cancellation: { approve: "准予注销注册", reject: "不予注销注册" },
  reissue: { approve: "准予补办", reject: "不予补办" },
  suspension: { approve: "准予暂停执业", reject: "不予暂停执业" },
  resumption: { approve: "准予恢复执业", reject: "不予恢复执业" },
  info_change: { approve: "准予信息变更", reject: "不予信息变更" },
} as const satisfies Record<ApplicationType, { approve: string; reject: string }>;

/** Types filed for one specialty (G1); the others concern the person's whole registration in the program. */
export const PER_SPECIALTY_TYPES: readonly ApplicationType[] = [
  "initial",
  "extension",
  "change",
  "add_specialty",
  "cancellation",
  "reissue",
];
export function isPerSpecialty(type: ApplicationType): boolean {
  return PER_SPECIALTY_TYPES.includes(type);
}

/** Types that skip the employer step: information corrections go straight to the authority (`003` §2.7). */
export function needsEmployerStep(type: ApplicationType, forcedCancellation: boolean): boolean {
  if (type === "info_change") return false;
  if (type === "cancellation" && forcedCancellation) return false; // K2 (`BJ`)
  return true;
}

/** `employer`: an employer picked by 验证企业名称 (its id is stored; name and 统一社会信用代码 are shown). */
export type FieldKind = "text" | "date" | "select" | "boolean" | "textarea" | "number" | "table" | "employer";
/**
 * Where a value comes from: `account` = verified identity (G10, never typed), `employer` = the verified employer (G3),
 * `registration` = the current certificate (auto-filled, C2), `derived` = worked out from other values (C1 scope,
 * S2 request), `input` = typed by the applicant.
 */
export type FieldSource = "account" | "employer" | "registration" | "qualification" | "derived" | "input";
/** Conditions under which a field is required. */
export type FieldCondition = "overdue" | "forced_cancellation" | "important_info_change" | "basic_info_change";

export interface FieldSpec {
  readonly name: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly required: boolean;
  readonly source: FieldSource;
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  readonly columns?: readonly FieldSpec[];
  /** Required only when this holds. */
  readonly when?: FieldCondition;
  /** For tables: minimum rows when required. */
  readonly minRows?: number;
  /** A derived field whose value follows another field's value by this table (shown live in the form). */
  readonly deriveFrom?: { readonly field: string; readonly values: Readonly<Record<string, string>> };
  readonly rule?: string;
}

const f = (
  name: string,
  label: string,
  kind: FieldKind,
  source: FieldSource,
  extra: Partial<Omit<FieldSpec, "name" | "label" | "kind" | "source">> = {},
): FieldSpec => ({ name, label, kind, source, required: extra.required ?? source === "input", ...extra });

/** G10: identity comes from the verified account, read-only in every form. */
export const IDENTITY_FIELDS: readonly FieldSpec[] = [
  f("name", "姓名", "text", "account", { required: true, rule: "G10" }),
  f("gender", "性别", "text", "account", { required: true, rule: "G10" }),
  f("birthDate", "出生日期", "date", "account", { required: true, rule: "G10" }),
  f("idType", "证件类型", "text", "account", { required: true, rule: "G10" }),
  f("idNumber", "证件号", "text", "account", { required: true, rule: "G10" }),
  f("phone", "个人手机号", "text", "account", { required: true, rule: "G10" }),
];

const EMPLOYER_FIELDS: readonly FieldSpec[] = [
  f("employerName", "申请注册企业（全称）", "text", "employer", { required: true, rule: "G3" }),
  f("employerUscc", "统一社会信用代码", "text", "employer", { required: true, rule: "G3" }),
  f("employerPhone", "企业联系电话", "text", "input"),
];

const SPECIALTY = f("specialty", "注册专业", "select", "input", { rule: "G1" });

/** I2: 继续教育信息（逾期注册时）. */
const CE_COLUMNS: readonly FieldSpec[] = [
  f("specialty", "专业类别", "text", "input"),
  f("compulsoryHours", "必修课（学时）", "number", "input"),
  f("electiveHours", "选修课（学时）", "number", "input"),
  f("trainingDate", "培训日期", "date", "input"),
  f("provider", "培训机构", "text", "input"),
];
const OVERDUE_CE = f("overdueCe", "继续教育信息（逾期注册时）", "table", "input", {
  required: false,
  when: "overdue",
  columns: CE_COLUMNS,
  minRows: 1,
  rule: "I2",
});
const EXTENSION_CE = f("ce", "继续教育信息", "table", "input", { columns: CE_COLUMNS, minRows: 1, rule: "X3" });

/** I3: 工作经历 and 工作业绩 (last 3 years, ≥1 per year). */
const WORK_FIELDS: readonly FieldSpec[] = [
  f("workExperience", "从事工作经历", "table", "input", {
    minRows: 1,
    rule: "I3",
    columns: [
      f("from", "起始时间", "date", "input"),
      f("to", "终止时间", "date", "input", { required: false }),
      f("organisation", "工作单位", "text", "input"),
      f("role", "从事工作及职务", "text", "input"),
    ],
  }),
  f("achievements", "主要工作业绩（近三年，每年不少于一项）", "table", "input", {
    minRows: 3,
    rule: "I3",
    columns: [
      f("year", "年度", "number", "input"),
      f("project", "项目名称", "text", "input"),
      f("duty", "本人承担的工作", "text", "input"),
    ],
  }),
];

const OPINION = f("applicantOpinion", "申请人员意见（已核对上述内容，对申报内容真实性负责）", "boolean", "input", { rule: "G5" });

/** S2: 更改/补办要求 per 更改/补办原因. */
export const REISSUE_REQUEST_LABELS: Readonly<Record<string, string>> = {
  seal_lost: "更改执业印章号",
  seal_and_certificate_lost: "更改执业印章号并补办注册证书",
  certificate_lost: "补办注册证书",
};

export const CANCELLATION_REASONS = [
  "聘用单位破产",
  "聘用单位被吊销营业执照",
  "已与聘用单位解除劳动关系",
  "距离有效期不足30天",
  "受到刑事处罚或行政处罚",
  "本人申请注销",
  "其他",
] as const;

const opts = <T extends string>(values: readonly T[], labels?: Record<T, string>) =>
  values.map((v) => ({ value: v as string, label: (labels ? labels[v] : undefined) ?? v }));

export const FORM_FIELDS: Readonly<Record<ApplicationType, readonly FieldSpec[]>> = {
  initial: [
    ...IDENTITY_FIELDS,
    ...EMPLOYER_FIELDS,
    SPECIALTY,
    // I5 (`003` §3.1.1)
    f("qualificationNumber", "资格证书管理号", "text", "qualification", { required: true, rule: "I5" }),
    f("qualificationApprovedOn", "资格证书批准日期", "date", "qualification", { required: true, rule: "I5" }),
    f("qualificationMethod", "获取执业资格方式", "select", "input", {
      options: opts(["考试", "特许", "考核认定", "资格互认"]),
      rule: "I5",
    }),
    OVERDUE_CE,
    ...WORK_FIELDS,
    OPINION,
  ],
  add_specialty: [
    ...IDENTITY_FIELDS,
    // A1: personal and employer data locked; A2: employer sees 注册号 and 已注册专业.
    f("employerName", "聘用企业", "text", "registration", { required: true, rule: "A1" }),
    f("registrationNumber", "注册号", "text", "registration", { required: true, rule: "A2" }),
    f("registeredSpecialties", "已注册专业", "text", "registration", { required: true, rule: "A2" }),
    f("employerPhone", "企业联系电话", "text", "input"),
    SPECIALTY,
    OVERDUE_CE,
    OPINION,
  ],
  extension: [
    ...IDENTITY_FIELDS,
    ...EMPLOYER_FIELDS,
    SPECIALTY,
    f("registrationNumber", "注册证书编号", "text", "registration", { required: true }),
    f("sealNumber", "原执业印章号", "text", "registration", { required: true }),
    f("validUntil", "注册有效期", "date", "registration", { required: true }),
    EXTENSION_CE,
    ...WORK_FIELDS,
    OPINION,
  ],
  change: [
    ...IDENTITY_FIELDS,
    SPECIALTY,
    // C2: auto-filled from the registration as it stands.
    f("previousEmployerName", "原聘用单位名称", "text", "registration", { required: true, rule: "C2" }),
    f("previousSealNumber", "原执业印章号", "text", "registration", { required: true, rule: "C2" }),
    f("previousValidUntil", "原注册有效期", "date", "registration", { required: true, rule: "C2" }),
    // The new employer is picked in the form itself (验证企业名称), as in the seeds — not in the profile.
    f("newEmployerId", "变更后聘用单位", "employer", "input", { rule: "C2" }),
    f("employerName", "申请注册企业（全称）", "text", "employer", { required: true, rule: "G3" }),
    f("employerUscc", "统一社会信用代码", "text", "employer", { required: true, rule: "G3" }),
    f("employerPhone", "企业联系电话", "text", "input"),
    f("scope", "变更类型", "text", "derived", { required: true, rule: "C1" }),
    OPINION,
  ],
  cancellation: [
    ...IDENTITY_FIELDS,
    SPECIALTY,
    f("registrationNumber", "注册证书编号", "text", "registration", { required: true }),
    f("sealNumber", "执业印章号", "text", "registration", { required: true }),
    f("validUntil", "注册有效期", "date", "registration", { required: true }),
    f("reason", "注销原因", "select", "input", { options: opts(CANCELLATION_REASONS), rule: "K1" }),
    f("forced", "是否强制注销", "boolean", "input", { required: false, rule: "K2" }),
    f("applicantStatement", "申请人员意见", "textarea", "input", { rule: "K1" }),
  ],
  reissue: [
    ...IDENTITY_FIELDS,
    SPECIALTY,
    f("sealNumber", "原执业印章号", "text", "registration", { required: true }),
    f("validUntil", "注册有效期", "date", "registration", { required: true }),
    f("reason", "更改/补办原因", "select", "input", { options: opts(REISSUE_REASONS, REISSUE_REASON_LABELS), rule: "S1" }),
    // S2: the request follows from the reason (a lost seal needs a new seal number; a lost certificate a new one).
    f("request", "更改/补办要求", "text", "derived", { required: true, rule: "S2", deriveFrom: { field: "reason", values: REISSUE_REQUEST_LABELS } }),
    OPINION,
  ],
  suspension: [
    ...IDENTITY_FIELDS,
    ...EMPLOYER_FIELDS,
    f("reason", "暂停执业原因", "textarea", "input", { rule: "U1" }),
    OPINION,
  ],
  resumption: [
    ...IDENTITY_FIELDS,
    ...EMPLOYER_FIELDS,
    f("reason", "恢复执业说明", "textarea", "input", { rule: "U1" }),
    OPINION,
  ],
  info_change: [
    ...IDENTITY_FIELDS,
    f("kind", "变更类别", "select", "input", {
      options: opts(INFO_CHANGE_KINDS, { basic: "基本信息变更", important: "重要信息变更" }),
      rule: "N2",
    }),
    // N2: basic information
    f("employerQualificationNumber", "聘用单位造价资质编号", "text", "input", { required: false }),
    f("education", "学历", "text", "input", { required: false }),
    f("graduationDate", "毕业时间", "date", "input", { required: false }),
    f("school", "毕业院校", "text", "input", { required: false }),
    f("major", "所学专业", "text", "input", { required: false }),
    // N3: important information
    f("newName", "变更后姓名", "text", "input", { required: false }),
    f("newIdType", "变更后证件类型", "select", "input", { required: false, options: opts(ID_DOCUMENT_TYPES, ID_DOCUMENT_TYPE_LABELS), rule: "N3" }),
    f("newIdNumber", "变更后证件号", "text", "input", { required: false }),
    f("reason", "变更原因", "textarea", "input", { required: false, when: "important_info_change", rule: "N3" }),
  ],
};

/** N1: edited directly in 基本信息修改, never through an application. */
export const DIRECTLY_EDITABLE_PERSON_FIELDS = ["phone", "address"] as const;
/** N2 basic fields and N3 important fields of 信息变更. */
export const BASIC_INFO_FIELDS = ["employerQualificationNumber", "education", "graduationDate", "school", "major"] as const;
export const IMPORTANT_INFO_FIELDS = ["newName", "newIdType", "newIdNumber"] as const;

/** Attachment code of the printed, stamped application form: it exists only once the form has been saved. */
export const STAMPED_FORM = "application_form";

export interface FormDescription {
  readonly type: ApplicationType;
  readonly label: string;
  readonly fields: readonly FieldSpec[];
  readonly attachments: readonly AttachmentSpec[];
}

export function describeForm(program: Program, type: ApplicationType): FormDescription {
  return {
    type,
    label: APPLICATION_TYPE_LABELS[type],
    fields: FORM_FIELDS[type],
    attachments: program.attachments[type] ?? [],
  };
}

export interface FormContext {
  /** I2/A1: the filing is past the initial-registration deadline. */
  readonly overdue: boolean;
}

export interface FieldError {
  readonly field: string;
  readonly message: string;
  readonly rule?: string;
}

export type FormData = Readonly<Record<string, unknown>>;

function conditionHolds(cond: FieldCondition | AttachmentCondition | undefined, data: FormData, ctx: FormContext): boolean {
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
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0);
}

function checkValue(spec: FieldSpec, value: unknown, path: string, errors: FieldError[]): void {
  const err = (message: string): void => void errors.push({ field: path, message, ...(spec.rule ? { rule: spec.rule } : {}) });
  if (spec.kind === "date" && !isIsoDate(value)) err(`「${spec.label}」须为日期（YYYY-MM-DD）`);
  if (spec.kind === "number" && (typeof value !== "number" || !Number.isFinite(value) || value < 0)) err(`「${spec.label}」须为非负数`);
  if (spec.kind === "boolean" && typeof value !== "boolean") err(`「${spec.label}」须勾选`);
  if (spec.kind === "select" && spec.options && !spec.options.some((o) => o.value === value)) err(`「${spec.label}」须从列表中选择`);
  if (spec.kind === "employer" && (typeof value !== "string" || !isUuid(value))) err(`「${spec.label}」须通过企业名称查找后从列表中选择`);
  if (spec.kind === "table") {
    if (!Array.isArray(value)) return err(`「${spec.label}」格式不正确`);
    if (spec.minRows && value.length < spec.minRows) err(`「${spec.label}」至少填写 ${spec.minRows} 行`);
    value.forEach((row, i) => {
      for (const col of spec.columns ?? []) {
        const cell = (row as Record<string, unknown> | null)?.[col.name];
        if (isBlank(cell)) {
          if (col.required) errors.push({ field: `${path}[${i}].${col.name}`, message: `第${i + 1}行「${col.label}」为必填项` });
        } else checkValue(col, cell, `${path}[${i}].${col.name}`, errors);
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
  data: FormData,
  ctx: FormContext,
  attachments: Readonly<Record<string, unknown>> = {},
): FieldError[] {
  const errors: FieldError[] = [];
  for (const spec of FORM_FIELDS[type]) {
    if (spec.source !== "input") continue;
    const value = data[spec.name];
    const required = spec.when ? conditionHolds(spec.when, data, ctx) : spec.required;
    if (isBlank(value)) {
      if (required) errors.push({ field: spec.name, message: `「${spec.label}」为必填项`, ...(spec.rule ? { rule: spec.rule } : {}) });
      continue;
    }
    checkValue(spec, value, spec.name, errors);
    // G5: the 申请人员意见 box must be ticked before saving (`002` §3.1.1.4).
    if (spec.name === "applicantOpinion" && value !== true) errors.push({ field: spec.name, message: "保存前须勾选「申请人员意见」", rule: "G5" });
  }
  if (isPerSpecialty(type) && typeof data.specialty === "string" && !program.specialties.some((s) => s.code === data.specialty)) {
    errors.push({ field: "specialty", message: `「${String(data.specialty)}」不是${program.name}的注册专业（每次只能申请一个专业）`, rule: "G1" });
  }
  if (type === "info_change") {
    const fields = data.kind === "important" ? IMPORTANT_INFO_FIELDS : BASIC_INFO_FIELDS;
    if (fields.every((k) => isBlank(data[k]))) errors.push({ field: "kind", message: "请至少填写一项变更内容", rule: data.kind === "important" ? "N3" : "N2" });
    if (data.kind === "important") errors.push(...identityChangeProblems(data));
  }
  for (const att of program.attachments[type] ?? []) {
    if (att.required && conditionHolds(att.when, data, ctx) && isBlank(attachments[att.code])) {
      // The stamped form can only be made from a saved form (`000`/`001` §三.1(7): 保存，打印申请表，盖章后上传，再次保存).
      const message = att.code === STAMPED_FORM ? `请打印已保存的申请表，加盖单位公章后上传「${att.label}」，再次保存` : `请上传「${att.label}」`;
      errors.push({ field: `attachments.${att.code}`, message });
    }
  }
  return errors;
}

/** N3: a new ID number is checked for its type (check digit where one exists); a new type needs its number. */
function identityChangeProblems(data: FormData): FieldError[] {
  const type = data.newIdType;
  const number = typeof data.newIdNumber === "string" ? data.newIdNumber.trim() : "";
  if (!isBlank(type) && number === "") return [{ field: "newIdNumber", message: "变更证件类型时须填写该证件的号码", rule: "N3" }];
  if (number === "") return [];
  if (isBlank(type)) return [{ field: "newIdType", message: "请选择变更后证件类型（与变更后证件号对应）", rule: "N3" }];
  if (!(ID_DOCUMENT_TYPES as readonly unknown[]).includes(type)) return []; // the select's own message says so
  const problem = idNumberProblem(String(type), number);
  return problem ? [{ field: "newIdNumber", message: problem, rule: "N3" }] : [];
}

export function isApplicationType(value: unknown): value is ApplicationType {
  return typeof value === "string" && (APPLICATION_TYPES as readonly string[]).includes(value);
}
