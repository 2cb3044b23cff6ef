/**
 * What an action carries besides the application (`ActionInput`) and the checks on it. Unlike guards these need the
 * input, so they run in `applyAction` only, after the guard; each returns null or a plain-Chinese reason.
 */
import type { DutyFacts } from "../segregation-of-duties";
import { isInFlight, type Application, type EngineActor } from "../application";
import { APPLICATION_TYPE_LABELS } from "../application-types";
import { addDays, type IsoDate } from "../dates";
import type { Program } from "../programs/types";
import type { ApplicationStatus, ApplicationType } from "../types";
import { STATUS_LABELS, type Action } from "./labels";

export interface OtherApplicationRef {
  readonly id: string;
  readonly programCode: string;
  readonly type: ApplicationType;
  readonly specialty: string | null;
  readonly status: ApplicationStatus;
  /** Applicant-facing label, if the service has it (statusLabel of that application). */
  readonly statusLabel?: string;
}

export interface Commitment {
  /** G5: every 审批条件 ticked. */
  readonly conditionsTicked: boolean;
  /** G5: 本人做出上述承诺. */
  readonly committed: boolean;
  /** G5: seconds the 个人承诺书 was on screen (≥ 60). */
  readonly readingSeconds: number;
}

export interface ActionInput {
  /** ISO date-time of the action; the engine never reads the clock. */
  readonly at: string;
  /** Opinion / comment shown on the timeline (T1). */
  readonly opinion?: string;
  /** save: errors from `validateApplicationForm` (G8). Empty = valid. */
  readonly formErrors?: readonly unknown[];
  /** sign: G5. */
  readonly commitment?: Commitment;
  /** sign: G6, required when the application carries a social-insurance anomaly. */
  readonly socialInsuranceConfirmed?: boolean;
  /** sign: the person's other applications (G2). Required. */
  readonly otherApplications?: readonly OtherApplicationRef[];
  /** countersign: 聘用企业意见 ticked (M2). */
  readonly employerOpinionTicked?: boolean;
  /** countersign: the system judges the applicant eligible (浙江 automatic approval). */
  readonly systemJudgedEligible?: boolean;
  /** employer_return, reject, publish_notice(fail): reasons. */
  readonly reasons?: readonly string[];
  /** request_correction: W4. */
  readonly correction?: { readonly content: string; readonly reason: string };
  /** answer_correction / correct_during_notice: uploaded file ids (W4). */
  readonly files?: readonly string[];
  /** publish_notice: the published outcome (W6). */
  readonly noticeOutcome?: "pass" | "fail";
  /**
   * conclude: the last day (公示截止日期) of the published notice that lists the application — null when it was never
   * listed in one — and today's date in China. Established by the server, never taken from the client.
   */
  readonly noticePeriod?: { readonly endsOn: IsoDate | null; readonly today: IsoDate };
  /** Any reviewer action: who is involved and who accepted, established by the server (segregation of duties). */
  readonly duties?: DutyFacts;
}

const MIN_READING_SECONDS = 60; // G5 (`003` §3.1.1)

function nonEmpty(list: readonly string[] | undefined): boolean {
  return !!list && list.some((s) => s.trim() !== "");
}

/** G5: all 审批条件 ticked and the 个人承诺书 made after the 60-second countdown; declining cancels the filing. */
function checkCommitment(c: Commitment | undefined): string | null {
  if (!c?.conditionsTicked) return "请逐项阅读并勾选全部审批条件";
  if (c.readingSeconds < MIN_READING_SECONDS) return `请阅读个人承诺书满${MIN_READING_SECONDS}秒`;
  if (!c.committed) return "未作出个人承诺，申报已取消";
  return null;
}

/** G2: no other application of the person in this program may be under approval. */
export function findBlockingApplication(
  app: Pick<Application, "id" | "programCode">,
  others: readonly OtherApplicationRef[],
): OtherApplicationRef | undefined {
  return others.find((o) => o.id !== app.id && o.programCode === app.programCode && isInFlight(o.status));
}

export function describeBlocking(o: OtherApplicationRef, typeLabel: string): string {
  const status = o.statusLabel ?? STATUS_LABELS[o.status];
  return `您有一项「${typeLabel}」申请正在办理（${status}），办结或撤回后才能申报新的申请`;
}

/**
 * 公示期满办结: only an application listed in a published notice, and only once its last day has passed — the date is
 * in the message so the reviewer knows when to come back. Used by the reviewer's button and the automatic conclusion.
 */
function checkNoticePeriod(period: ActionInput["noticePeriod"]): string | null {
  if (!period || period.endsOn === null)
    return "该申请尚未列入已发布的公示，不能办结。请先在“公示公告”中发布公示，公示期满后再办结。";
  if (period.today <= period.endsOn)
    return `公示期至${period.endsOn}，公示期满前不能办结。请于${addDays(period.endsOn, 1)}起办理公示期满办结。`;
  return null;
}

type InputCheck = (app: Application, program: Program, input: ActionInput, actor: EngineActor) => string | null;

export const INPUT_CHECKS: Partial<Record<Action, InputCheck>> = {
  sign(app, _program, input, actor) {
    // G5/G6 are the applicant's own declarations; an employer filing a forced cancellation (K2) makes neither.
    const c = actor.kind === "applicant" ? checkCommitment(input.commitment) : null;
    if (c) return c;
    // G6: anomalous social insurance — confirm sole employment or abort.
    if (actor.kind === "applicant" && app.socialInsuranceAnomaly && input.socialInsuranceConfirmed !== true)
      return "您的社保缴纳情况异常：请确认只受聘于本单位并在本单位缴纳社保，否则请取消申报";
    if (!input.otherApplications) return "缺少本人其他申请的信息，无法校验是否有在办申请";
    const blocking = findBlockingApplication(app, input.otherApplications);
    if (blocking) return describeBlocking(blocking, APPLICATION_TYPE_LABELS[blocking.type]);
    return null;
  },
  countersign(_app, _program, input) {
    return input.employerOpinionTicked === true ? null : "请勾选聘用企业意见后再签名确认";
  },
  employer_return(_app, _program, input) {
    return nonEmpty(input.reasons) ? null : "请填写退回原因";
  },
  reject(_app, _program, input) {
    return nonEmpty(input.reasons) ? null : "不予注册须写明理由";
  },
  request_correction(_app, _program, input) {
    const c = input.correction;
    return c?.content.trim() && c.reason.trim() ? null : "请填写补正内容和补正原因";
  },
  answer_correction(_app, _program, input) {
    return nonEmpty(input.files) ? null : "请上传补正材料后再提交";
  },
  correct_during_notice(_app, _program, input) {
    return nonEmpty(input.files) ? null : "请上传补正材料后再提交";
  },
  publish_notice(_app, _program, input) {
    if (input.noticeOutcome !== "pass" && input.noticeOutcome !== "fail") return "请选择公示结果（合格/不合格）";
    if (input.noticeOutcome === "fail" && !nonEmpty(input.reasons)) return "公示结果为不合格时须写明不合格原因";
    return null;
  },
  conclude(_app, _program, input) {
    return checkNoticePeriod(input.noticePeriod);
  },
};
