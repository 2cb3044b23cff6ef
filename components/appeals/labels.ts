/**
 * Plain-Chinese names of the T3 timeline steps, the default of AnomalyTimeline (the applicant's page passes them in
 * the reader's language from the `applicant` catalog, which also names the anomaly and appeal states).
 */
export const ANOMALY_STEP = {
  flagged: "标记异常",
  appealed: "提交申辩",
  accepted: "采纳申辩，异常解除",
  dismissed: "不采纳申辩，异常保留",
} as const;
