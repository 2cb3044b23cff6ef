/**
 * Form specs: a plain description of each application type's form (fields + attachments) from which services
 * build validation and the UI builds forms. Field names follow the seed manuals.
 */
import { APPLICATION_TYPE_LABELS } from "./application-types";
import type { AttachmentSpec, Program } from "./programs/types";
import {
  type ApplicationType,
  ID_DOCUMENT_TYPE_LABELS,
  ID_DOCUMENT_TYPES,
  INFO_CHANGE_KINDS,
  REISSUE_REASON_LABELS,
  REISSUE_REASONS,
} from "./types";

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
const IDENTITY_FIELDS: readonly FieldSpec[] = [
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

const OPINION = f("applicantOpinion", "申请人员意见（已核对上述内容，对申报内容真实性负责）", "boolean", "input", {
  rule: "G5",
});

/** S2: 更改/补办要求 per 更改/补办原因. */
const REISSUE_REQUEST_LABELS: Readonly<Record<string, string>> = {
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
    f("reason", "更改/补办原因", "select", "input", {
      options: opts(REISSUE_REASONS, REISSUE_REASON_LABELS),
      rule: "S1",
    }),
    // S2: the request follows from the reason (a lost seal needs a new seal number; a lost certificate a new one).
    f("request", "更改/补办要求", "text", "derived", {
      required: true,
      rule: "S2",
      deriveFrom: { field: "reason", values: REISSUE_REQUEST_LABELS },
    }),
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
    f("newIdType", "变更后证件类型", "select", "input", {
      required: false,
      options: opts(ID_DOCUMENT_TYPES, ID_DOCUMENT_TYPE_LABELS),
      rule: "N3",
    }),
    f("newIdNumber", "变更后证件号", "text", "input", { required: false }),
    f("reason", "变更原因", "textarea", "input", { required: false, when: "important_info_change", rule: "N3" }),
  ],
};

/** N1: edited directly in 基本信息修改, never through an application. */
export const DIRECTLY_EDITABLE_PERSON_FIELDS = ["phone", "address"] as const;
/** N2 basic fields and N3 important fields of 信息变更. */
export const BASIC_INFO_FIELDS = [
  "employerQualificationNumber",
  "education",
  "graduationDate",
  "school",
  "major",
] as const;
export const IMPORTANT_INFO_FIELDS = ["newName", "newIdType", "newIdNumber"] as const;

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
