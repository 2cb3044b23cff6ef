/** Plain-Chinese names of the T3 states and timeline steps, shared by the applicant's and the reviewer's pages. */
export const ANOMALY_STATUS = { open: "未解除", cleared: "已解除" } as const;
export const APPEAL_STATUS = { submitted: "处理中", accepted: "已采纳", dismissed: "未采纳" } as const;
export const ANOMALY_STEP = {
  flagged: "标记异常",
  appealed: "提交申辩",
  accepted: "采纳申辩，异常解除",
  dismissed: "不采纳申辩，异常保留",
} as const;
export const ANOMALY_SOURCE = { reviewer: "审批机构标记", automatic: "系统查重" } as const;
