/** Building blocks shared by several programs. Values cite their sources (rules.md §P). */
import type { AttachmentSpec, CeRequirement, FileLimit, ReviewLevel } from "./types";
import type { EmployerKind } from "../types";

const KB = 1024;
const MB = 1024 * KB;

/** `003` §2.2: photo/signature ≤500 KB, jpg/jpeg/png, recommended 413×295 and 162×405 px. */
export const MOHURD_PHOTO: FileLimit = {
  maxBytes: 500 * KB,
  formats: ["jpg", "jpeg", "png"],
  recommendedPx: { width: 295, height: 413 },
  source: "003 §2.2",
};
export const MOHURD_SIGNATURE: FileLimit = {
  maxBytes: 500 * KB,
  formats: ["jpg", "jpeg", "png"],
  recommendedPx: { width: 405, height: 162 },
  source: "003 §2.2",
};
/** `004` 第二步: ≤50 KB, JPG only. */
export const ZJ_IMAGE: FileLimit = { maxBytes: 50 * KB, formats: ["jpg", "jpeg"], source: "004 第二步" };
/** `000`/`001` §三.1(6): scans jpg only, ≤2 MB. */
export const CECA_SCAN: FileLimit = { maxBytes: 2 * MB, formats: ["jpg"], source: "000/001 §三.1(6)" };
/** `003` §3.1.3: correction uploads 200–500 KB. */
export const MOHURD_CORRECTION: FileLimit = {
  minBytes: 200 * KB,
  maxBytes: 500 * KB,
  formats: ["jpg", "jpeg", "png"],
  source: "003 §3.1.3",
};

/** G3 / `004` 答疑4. */
export const COST_EMPLOYER_KINDS: readonly EmployerKind[] = [
  "cost_consulting",
  "construction_owner",
  "survey_design",
  "contractor",
  "tendering_agent",
  "supervision",
  "cost_management",
];
/** `003` 审批条件2: 勘察、设计、施工、监理、招标代理、造价咨询 — 建设单位/造价管理机构 are not listed. */
export const MOHURD_EMPLOYER_KINDS: readonly EmployerKind[] = [
  "survey_design",
  "contractor",
  "supervision",
  "tendering_agent",
  "cost_consulting",
];

/** `BJ`: 30 h = 必修 15 + 选修 15 in the last year. */
export const BJ_OVERDUE_CE: CeRequirement = {
  totalHours: 30,
  compulsoryHours: 15,
  electiveHours: 15,
  window: "last_12_months",
  source: "BJ",
};
/** `004` 答疑8: 20 学时 in the current year. */
export const ZJ_OVERDUE_CE: CeRequirement = {
  totalHours: 20,
  compulsoryHours: 0,
  electiveHours: 0,
  window: "calendar_year",
  source: "004 答疑8",
};

export const PROVINCIAL_LEVEL: ReviewLevel = {
  level: "provincial",
  name: "省级注册初审机构",
  short: "省级",
  stage: "初审",
};
export const MINISTRY_LEVEL: ReviewLevel = {
  level: "ministry",
  name: "住房和城乡建设部",
  short: "部级",
  stage: "审批",
};

const a = (code: string, label: string, required = true, when: AttachmentSpec["when"] = "always"): AttachmentSpec => ({
  code,
  label,
  required,
  when,
});

/** Attachments common to every program; programs add or replace per type. */
export const COMMON_ATTACHMENTS = {
  initial: [
    a("application_form", "盖章申请表扫描件"),
    a("qualification_certificate", "执业资格证书扫描件"),
    a("labour_contract", "劳动合同扫描件"),
    a("id_document", "身份证件扫描件"),
    a("overdue_ce_proof", "逾期注册继续教育证明", true, "overdue"),
  ],
  add_specialty: [
    a("application_form", "盖章申请表扫描件"),
    a("qualification_certificate", "增项专业执业资格证书扫描件"),
    a("overdue_ce_proof", "逾期注册继续教育证明", true, "overdue"),
  ],
  extension: [a("application_form", "盖章申请表扫描件"), a("ce_proof", "继续教育证明", false)],
  change: [
    a("application_form", "盖章申请表扫描件"),
    a("dismissal_proof", "解聘证明（与原聘用单位解除劳动关系证明）"), // C2
    a("labour_contract", "与新聘用单位的劳动合同扫描件"),
  ],
  cancellation: [
    a("application_form", "盖章申请表扫描件", false),
    a("arbitration_or_judgment", "劳动仲裁裁决书或法院判决书扫描件", true, "forced_cancellation"), // K2
  ],
  reissue: [a("loss_statement", "遗失声明或情况说明")],
  suspension: [a("application_form", "暂停执业申请表扫描件")],
  resumption: [a("application_form", "恢复执业申请表扫描件")],
  info_change: [
    a("change_proof", "变更证明材料扫描件", true, "basic_info_change"),
    a("change_explanation", "变更说明", true, "important_info_change"), // N3
    a("new_id_document", "变更后身份证件扫描件", true, "important_info_change"),
  ],
} as const satisfies Record<string, readonly AttachmentSpec[]>;
