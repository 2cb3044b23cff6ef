/**
 * Anomalies a reviewer flags on a person, or the nightly check finds (G6, T3): 社保异常 — social insurance paid
 * elsewhere than the employer — and 人员查重异常 — the same person registered with two employers.
 */
export const ANOMALY_KINDS = ["social_insurance", "duplicate_registration"] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

export const ANOMALY_KIND_LABELS = {
  social_insurance: "社保异常",
  duplicate_registration: "人员查重异常",
} as const satisfies Record<AnomalyKind, string>;

/**
 * What the review pages call an application filed while its person had an anomaly: the kinds open now. With none on
 * record (the flag set by the 社保 check itself, or cleared since) it is the 社保异常 the applicant confirmed.
 */
export function anomalyNotice(openKinds: readonly AnomalyKind[]): string {
  return kindsOrSocialInsurance(openKinds)
    .map((k) => ANOMALY_KIND_LABELS[k])
    .join("、");
}

const kindsOrSocialInsurance = (kinds: readonly AnomalyKind[]): readonly AnomalyKind[] =>
  kinds.length ? kinds : ["social_insurance"];

const FINDINGS = {
  social_insurance: "系统核查申请人社会保险缴纳情况异常",
  duplicate_registration: "系统核查发现申请人同时在其他单位注册",
} as const satisfies Record<AnomalyKind, string>;

/** The reviewer's note on what the checks found, one clause per open kind. */
export function anomalyFindings(openKinds: readonly AnomalyKind[]): string {
  return kindsOrSocialInsurance(openKinds)
    .map((k) => FINDINGS[k])
    .join("；");
}
