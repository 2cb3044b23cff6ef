/**
 * Core vocabulary of the registration domain. Pure data: no I/O, no framework imports.
 * The database stores these as text; this file is the single source of their allowed values.
 */

/** 申请状态 — labels follow rules.md §T so that users of the old systems recognise them. */
export const APPLICATION_STATUSES = [
  "draft", // 草稿/未申报
  "signed", // 个人已签名（待企业签名）
  "returned", // 企业退回个人
  "pending_acceptance", // 待受理（省级/部级未受理）
  "withdrawal_requested", // 撤回待单位同意 (W2)
  "correction_requested", // 待补正
  "under_review", // 审查中（初审/审批）
  "publicized", // 公示中
  "approved", // 已办结（准予注册）
  "rejected", // 不予注册
  "withdrawn", // 已撤回
  "deleted", // 已删除
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** 申请类型 */
export const APPLICATION_TYPES = [
  "initial", // 初始注册
  "extension", // 延续注册
  "change", // 变更注册
  "add_specialty", // 增项注册
  "cancellation", // 注销注册
  "reissue", // 证书补办 / 更改补办
  "suspension", // 暂停执业
  "resumption", // 恢复执业
  "info_change", // 信息变更
] as const;
export type ApplicationType = (typeof APPLICATION_TYPES)[number];

/** Who acts on an application. Authority levels are numbered along the program's review chain. */
export const ACTOR_KINDS = ["applicant", "employer", "authority", "system"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** User roles that can sign in. */
export const USER_ROLES = ["applicant", "employer", "reviewer", "admin"] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** 证件类型 */
export const ID_DOCUMENT_TYPES = ["resident_id", "hk_surveyor_mutual", "hmt_residence_permit", "passport"] as const;
export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number];
export const ID_DOCUMENT_TYPE_LABELS: Record<IdDocumentType, string> = {
  resident_id: "居民身份证",
  hk_surveyor_mutual: "香港测量师互认证号",
  hmt_residence_permit: "港澳台居民居住证",
  passport: "护照",
};

/** 注册证书状态 */
export const REGISTRATION_STATUSES = ["active", "suspended", "cancelled", "expired", "superseded"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** 审批机构层级 */
export const AUTHORITY_LEVELS = ["provincial", "ministry", "hk_route", "association"] as const;
export type AuthorityLevel = (typeof AUTHORITY_LEVELS)[number];

/**
 * 聘用单位类型 — kinds an employer may have; which ones may employ a registrant is a program setting
 * (G3, `004` 答疑4, `003` 审批条件2).
 */
export const EMPLOYER_KINDS = [
  "cost_consulting", // 工程造价咨询企业
  "construction_owner", // 建设单位
  "survey_design", // 勘察设计单位
  "contractor", // 施工单位
  "tendering_agent", // 招标代理机构
  "supervision", // 工程监理单位
  "cost_management", // 工程造价管理机构
  "other", // 其他（不可注册）
] as const;
export type EmployerKind = (typeof EMPLOYER_KINDS)[number];
export const EMPLOYER_KIND_LABELS: Record<EmployerKind, string> = {
  cost_consulting: "工程造价咨询企业",
  construction_owner: "建设单位",
  survey_design: "勘察设计单位",
  contractor: "施工单位",
  tendering_agent: "招标代理机构",
  supervision: "工程监理单位",
  cost_management: "工程造价管理机构",
  other: "其他单位",
};

/** 变更注册范围 (C1). */
export const CHANGE_SCOPES = ["within_province", "cross_province", "within_institution"] as const;
export type ChangeScope = (typeof CHANGE_SCOPES)[number];
export const CHANGE_SCOPE_LABELS: Record<ChangeScope, string> = {
  within_province: "本省或本部门内变更",
  cross_province: "跨省或跨部门变更",
  within_institution: "机构内变更",
};

/** Upload kinds with their own size/format limits (F1, P-table). */
export const FILE_KINDS = ["photo", "signature", "scan", "correction"] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** 信息变更 kinds (N1–N3). */
export const INFO_CHANGE_KINDS = ["basic", "important"] as const;
export type InfoChangeKind = (typeof INFO_CHANGE_KINDS)[number];

/** 更改/补办原因 (S1, S2). */
export const REISSUE_REASONS = ["seal_lost", "seal_and_certificate_lost", "certificate_lost"] as const;
export type ReissueReason = (typeof REISSUE_REASONS)[number];
export const REISSUE_REASON_LABELS: Record<ReissueReason, string> = {
  seal_lost: "执业印章丢失",
  seal_and_certificate_lost: "证书和执业印章均丢失",
  certificate_lost: "注册证书丢失",
};
