/** The engine's vocabulary and its Chinese words: actions, who acts, and the status names (rules.md §T). */
import type { ActorKind, ApplicationStatus } from "../types";

export const ACTION_NAMES = [
  "save",
  "sign",
  "edit_after_sign",
  "countersign",
  "employer_return",
  "withdraw",
  "consent_withdrawal",
  "decline_withdrawal",
  "accept",
  "request_correction",
  "answer_correction",
  "reject",
  "forward",
  "approve",
  "publish_notice",
  "correct_during_notice",
  "conclude",
  "resubmit",
  "delete",
] as const;
export type Action = (typeof ACTION_NAMES)[number];

interface ActionInfo {
  /** Button label. */
  readonly label: string;
  /** What the timeline says happened (T1). */
  readonly event: string;
}

export const ACTIONS = {
  save: { label: "保存", event: "已保存申请表" },
  sign: { label: "个人数字签名并上报", event: "个人已签名上报" },
  edit_after_sign: { label: "修改申请表（已签名文件作废）", event: "个人修改申请表，原签名文件作废" },
  countersign: { label: "企业签名确认", event: "企业已签名上报" },
  employer_return: { label: "退回个人", event: "企业退回个人" },
  withdraw: { label: "撤回", event: "个人申请撤回" },
  consent_withdrawal: { label: "同意撤回", event: "单位同意撤回" },
  decline_withdrawal: { label: "不同意撤回", event: "单位不同意撤回" },
  accept: { label: "受理", event: "已受理" },
  request_correction: { label: "要求补正", event: "要求补正材料" },
  answer_correction: { label: "提交补正", event: "已提交补正材料" },
  reject: { label: "不予注册", event: "不予注册" },
  forward: { label: "审查通过，报上级审批", event: "初审通过，已报上级审批" },
  approve: { label: "准予注册", event: "准予注册" },
  publish_notice: { label: "公示", event: "审批结果公示" },
  correct_during_notice: { label: "公示期补正", event: "公示期内已补正" },
  conclude: { label: "公示期满办结", event: "公示期满，已办结" },
  resubmit: { label: "修改后重新申报", event: "退回个人修改，准备重新申报" },
  delete: { label: "删除", event: "已删除" },
} as const satisfies Record<Action, ActionInfo>;

export const ACTOR_KIND_LABELS = {
  applicant: "申请人",
  employer: "聘用单位",
  authority: "审批机构",
  system: "系统",
} as const satisfies Record<ActorKind, string>;

/** Status names without program context (reviewer lists, admin). Applicants see `statusLabel()`. */
export const STATUS_LABELS = {
  draft: "未申报（草稿）",
  signed: "个人已签名（待企业签名）",
  returned: "企业已退回",
  pending_acceptance: "待受理",
  withdrawal_requested: "撤回待单位同意",
  correction_requested: "待补正",
  under_review: "审查中",
  publicized: "公示中",
  approved: "已办结（准予）",
  rejected: "不予注册",
  withdrawn: "已撤回",
  deleted: "已删除",
} as const satisfies Record<ApplicationStatus, string>;
