/**
 * The one transition table of an application (rules.md §T, §W, §G8–G9, §K2). Every state lists the actions
 * allowed in it, who may take them, where they lead and the named guard that must hold. `applyAction` is the only
 * way the engine changes an application, and every successful call yields exactly one timeline event (T1).
 */
import { APPLICATION_TYPE_LABELS, DECISION_LABELS, needsEmployerStep } from "./application-types";
import { addDays, type IsoDate } from "./dates";
import { isInFlight, reviewChainFor, statusLabel, type Actor, type Application } from "./application";
import type { Program } from "./programs/types";
import { segregationOfDutiesProblem, type DutyFacts } from "./segregation-of-duties";
import { APPLICATION_STATUSES, type ActorKind, type ApplicationStatus, type ApplicationType } from "./types";

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

export interface ActionInfo {
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

// ---------------------------------------------------------------------------------------------------------------
// Guards: state-only conditions (no input), so `availableActions` can show exactly the buttons that may work.
// Each returns null when the action may proceed, else a plain-Chinese reason.
// ---------------------------------------------------------------------------------------------------------------

export type Guard = (app: Application, program: Program, actor: Actor) => string | null;

function always(): string | null {
  return null;
}

/** G8: the sign button appears only after a save that passed server validation. K2: a forced cancellation may be filed by the employer. */
function canSign(app: Application, _program: Program, actor: Actor): string | null {
  if (actor.kind === "employer" && !app.forcedCancellation) return "只有强制注销可由聘用单位申报";
  if (!app.savedValid) return "请先保存申请表并通过校验，再进行数字签名";
  return null;
}

/** K2: the employer may prepare a forced cancellation itself. */
function canEmployerFile(app: Application): string | null {
  return app.forcedCancellation ? null : "只有强制注销可由聘用单位申报";
}

/** G9: editing after signing is allowed but voids the signed PDF; the resolver clears the signature. */
function canEditAfterSign(): string | null {
  return null;
}

/** M2 / `002` §3.1.2: the employer countersigns what the applicant signed, read-only. */
function canCountersign(app: Application): string | null {
  return needsEmployerStep(app.type, app.forcedCancellation) ? null : "该申请无需单位签名确认";
}

/** W1: withdraw until an authority has accepted; W2 is handled by the resolver (→ withdrawal_requested). */
function canWithdraw(app: Application): string | null {
  // K2: a forced cancellation the employer filed is not the applicant's to take back.
  if (app.filedByEmployer) return "该强制注销申请由聘用单位申报，申请人不能撤回";
  return app.everAccepted ? "审批机构已受理，不能撤回" : null;
}

/** Authority actions are taken by the level the application is at (`currentLevel`). */
function isAtAuthority(app: Application, program: Program): string | null {
  const chain = reviewChainFor(app, program);
  return app.currentLevel >= 1 && app.currentLevel <= chain.length ? null : "申请不在审批机构";
}

/** Review chain has another level (e.g. 省级初审 → 部级审批). */
function hasNextLevel(app: Application, program: Program): string | null {
  return app.currentLevel < reviewChainFor(app, program).length ? null : "已是最高审批层级，请直接作出决定";
}

/** The top level decides; programs without 公示 approve directly. */
function isFinalLevelWithoutNotice(app: Application, program: Program): string | null {
  if (app.currentLevel !== reviewChainFor(app, program).length) return "须先报上级审批机构审批";
  return program.options.publicNotice ? "本项目须先公示（P）" : null;
}

/** `000` §三.1(9)(10): the top level publishes its decision before it concludes. */
function isFinalLevelWithNotice(app: Application, program: Program): string | null {
  if (app.currentLevel !== reviewChainFor(app, program).length) return "须先报上级审批机构审批";
  return program.options.publicNotice ? null : "本项目不设公示（P）";
}

/** W6: during 公示 the applicant may correct what was published as 不合格. */
function noticeFailed(app: Application): string | null {
  return app.notice?.outcome === "fail" ? null : "公示结果为合格，无需补正";
}

/** W3: delete only what never reached an authority or came back from it (the table lists those states). */
function canDelete(): string | null {
  return null;
}

/** W5/W1: a rejected or withdrawn application can be corrected and filed again. */
function canResubmit(): string | null {
  return null;
}

export interface TransitionSpec {
  readonly action: Action;
  readonly by: ActorKind;
  readonly to: readonly ApplicationStatus[];
  readonly guard: Guard;
}

export const TRANSITIONS = {
  draft: [
    { action: "save", by: "applicant", to: ["draft"], guard: always },
    { action: "save", by: "employer", to: ["draft"], guard: canEmployerFile },
    { action: "sign", by: "applicant", to: ["signed", "pending_acceptance"], guard: canSign },
    { action: "sign", by: "employer", to: ["pending_acceptance"], guard: canSign },
    { action: "delete", by: "applicant", to: ["deleted"], guard: canDelete },
  ],
  signed: [
    { action: "edit_after_sign", by: "applicant", to: ["draft"], guard: canEditAfterSign },
    { action: "countersign", by: "employer", to: ["pending_acceptance", "approved"], guard: canCountersign },
    { action: "employer_return", by: "employer", to: ["returned"], guard: always },
    { action: "withdraw", by: "applicant", to: ["withdrawn"], guard: canWithdraw },
  ],
  returned: [
    { action: "save", by: "applicant", to: ["draft"], guard: always },
    { action: "delete", by: "applicant", to: ["deleted"], guard: canDelete },
  ],
  pending_acceptance: [
    { action: "accept", by: "authority", to: ["under_review"], guard: isAtAuthority },
    { action: "request_correction", by: "authority", to: ["correction_requested"], guard: isAtAuthority },
    { action: "reject", by: "authority", to: ["rejected"], guard: isAtAuthority },
    { action: "withdraw", by: "applicant", to: ["withdrawn", "withdrawal_requested"], guard: canWithdraw },
  ],
  withdrawal_requested: [
    { action: "consent_withdrawal", by: "employer", to: ["withdrawn"], guard: always },
    { action: "decline_withdrawal", by: "employer", to: ["pending_acceptance", "correction_requested"], guard: always },
  ],
  correction_requested: [
    { action: "answer_correction", by: "applicant", to: ["pending_acceptance", "under_review"], guard: always },
    // 逾期未补正: at the 补正 deadline the system decides 不予注册 with that reason (issue 11; W5 resubmission stays open).
    { action: "reject", by: "system", to: ["rejected"], guard: always },
    { action: "withdraw", by: "applicant", to: ["withdrawn", "withdrawal_requested"], guard: canWithdraw },
  ],
  under_review: [
    { action: "request_correction", by: "authority", to: ["correction_requested"], guard: isAtAuthority },
    { action: "reject", by: "authority", to: ["rejected"], guard: isAtAuthority },
    { action: "forward", by: "authority", to: ["pending_acceptance"], guard: hasNextLevel },
    { action: "approve", by: "authority", to: ["approved"], guard: isFinalLevelWithoutNotice },
    { action: "publish_notice", by: "authority", to: ["publicized"], guard: isFinalLevelWithNotice },
  ],
  publicized: [
    { action: "conclude", by: "authority", to: ["approved", "rejected"], guard: isAtAuthority },
    { action: "conclude", by: "system", to: ["approved", "rejected"], guard: always },
    { action: "correct_during_notice", by: "applicant", to: ["under_review"], guard: noticeFailed },
  ],
  approved: [],
  rejected: [
    { action: "resubmit", by: "applicant", to: ["draft"], guard: canResubmit },
    { action: "delete", by: "applicant", to: ["deleted"], guard: canDelete },
  ],
  withdrawn: [
    { action: "resubmit", by: "applicant", to: ["draft"], guard: canResubmit },
    { action: "delete", by: "applicant", to: ["deleted"], guard: canDelete },
  ],
  deleted: [],
} as const satisfies Record<ApplicationStatus, readonly TransitionSpec[]>;

// Compile-time check: every action appears somewhere in the table.
type ActionsInTable = (typeof TRANSITIONS)[ApplicationStatus][number]["action"];
type UnusedActions = Exclude<Action, ActionsInTable>;
const everyActionIsUsed: [UnusedActions] extends [never] ? true : UnusedActions = true;
void everyActionIsUsed;

export function transitionsFrom(status: ApplicationStatus): readonly TransitionSpec[] {
  return TRANSITIONS[status];
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs and input checks
// ---------------------------------------------------------------------------------------------------------------

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
export function checkCommitment(c: Commitment | undefined): string | null {
  if (!c || !c.conditionsTicked) return "请逐项阅读并勾选全部审批条件";
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
  return `您有一项「${typeLabel}」申请正在办理（${o.statusLabel ?? STATUS_LABELS[o.status]}），办结或撤回后才能申报新的申请`;
}

type InputCheck = (app: Application, program: Program, input: ActionInput, actor: Actor) => string | null;

/**
 * 公示期满办结: only an application listed in a published notice, and only once its last day has passed — the date is
 * in the message so the reviewer knows when to come back. Used by the reviewer's button and the automatic conclusion.
 */
export function checkNoticePeriod(period: ActionInput["noticePeriod"]): string | null {
  if (!period || period.endsOn === null) return "该申请尚未列入已发布的公示，不能办结。请先在“公示公告”中发布公示，公示期满后再办结。";
  if (period.today <= period.endsOn)
    return `公示期至${period.endsOn}，公示期满前不能办结。请于${addDays(period.endsOn, 1)}起办理公示期满办结。`;
  return null;
}

const INPUT_CHECKS: Partial<Record<Action, InputCheck>> = {
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
    return c && c.content.trim() && c.reason.trim() ? null : "请填写补正内容和补正原因";
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

// ---------------------------------------------------------------------------------------------------------------
// Resolvers: compute the next application. The resulting status must be one the table lists (checked).
// ---------------------------------------------------------------------------------------------------------------

type Resolver = (app: Application, program: Program, input: ActionInput, actor: Actor) => Application;

function withdrawal(app: Application, program: Program): Application {
  // W2: once at the authority (not yet accepted), withdrawal needs the employer's consent where the program says so.
  const atAuthority = app.status === "pending_acceptance" || app.status === "correction_requested";
  if (atAuthority && program.options.withdrawalNeedsEmployerConsent && needsEmployerStep(app.type, app.forcedCancellation))
    return { ...app, status: "withdrawal_requested" };
  return { ...app, status: "withdrawn", currentLevel: 0, correction: null };
}

const RESOLVERS: Record<Action, Resolver> = {
  save: (app, _p, input) => ({
    ...app,
    status: "draft",
    savedValid: (input.formErrors ?? []).length === 0,
    returnReason: app.status === "returned" ? app.returnReason : null,
  }),
  sign: (app, _p, input, actor) =>
    needsEmployerStep(app.type, app.forcedCancellation)
      ? { ...app, status: "signed", signedAt: input.at }
      : {
          ...app,
          status: "pending_acceptance",
          currentLevel: 1,
          signedAt: input.at,
          // K2: the employer filing a forced cancellation signs it itself — that is its signature on the form.
          countersignedAt: actor.kind === "employer" ? input.at : app.countersignedAt,
        },
  // G9: the signed PDF is void; a fresh valid save and signature are needed.
  edit_after_sign: (app) => ({ ...app, status: "draft", signedAt: null, savedValid: false }),
  countersign: (app, program, input) => {
    const base = { ...app, countersignedAt: input.at };
    // 上海 (`002` §3.4.1.10): cancellation completes on the employer's signature.
    if (app.type === "cancellation" && program.options.cancellationCompletesOnEmployerSignature)
      return { ...base, status: "approved", currentLevel: 0, decidedWithoutReview: true };
    // 浙江 (`004` 第三步5): eligible + sealed → certificate issued automatically.
    if (program.options.autoApproveOnEmployerSeal.includes(app.type) && input.systemJudgedEligible === true)
      return { ...base, status: "approved", currentLevel: 0, decidedWithoutReview: true };
    return { ...base, status: "pending_acceptance", currentLevel: 1 };
  },
  employer_return: (app, _p, input) => ({
    ...app,
    status: "returned",
    signedAt: null,
    savedValid: false,
    returnReason: (input.reasons ?? []).join("；"),
  }),
  withdraw: (app, program) => withdrawal(app, program),
  consent_withdrawal: (app) => ({ ...app, status: "withdrawn", currentLevel: 0, correction: null }),
  decline_withdrawal: (app) => ({ ...app, status: app.correction ? "correction_requested" : "pending_acceptance" }),
  accept: (app) => ({ ...app, status: "under_review", everAccepted: true }),
  request_correction: (app, _p, input) => ({
    ...app,
    status: "correction_requested",
    correction: {
      content: input.correction?.content ?? "",
      reason: input.correction?.reason ?? "",
      from: app.status === "under_review" ? "under_review" : "pending_acceptance",
    },
  }),
  // W4: after submission the 补正 action disappears — the application goes back where it was.
  answer_correction: (app) => ({ ...app, status: app.correction?.from ?? "pending_acceptance", correction: null }),
  reject: (app, _p, input) => ({ ...app, status: "rejected", currentLevel: 0, rejectionReasons: input.reasons ?? [] }),
  forward: (app) => ({ ...app, status: "pending_acceptance", currentLevel: app.currentLevel + 1 }),
  approve: (app) => ({ ...app, status: "approved", currentLevel: 0 }),
  publish_notice: (app, _p, input) => ({
    ...app,
    status: "publicized",
    notice: { outcome: input.noticeOutcome ?? "pass", reasons: input.noticeOutcome === "fail" ? (input.reasons ?? []) : [] },
  }),
  conclude: (app) =>
    app.notice?.outcome === "fail"
      ? { ...app, status: "rejected", currentLevel: 0, rejectionReasons: app.notice.reasons }
      : { ...app, status: "approved", currentLevel: 0 },
  correct_during_notice: (app) => ({ ...app, status: "under_review", notice: null }),
  // W5/W1: back to the applicant's hands; signatures and acceptance start over.
  resubmit: (app) => ({
    ...app,
    status: "draft",
    currentLevel: 0,
    savedValid: false,
    signedAt: null,
    countersignedAt: null,
    everAccepted: false,
    correction: null,
    notice: null,
  }),
  delete: (app) => ({ ...app, status: "deleted", currentLevel: 0 }),
};

// ---------------------------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------------------------

export interface ApplicationEvent {
  readonly applicationId: string;
  readonly action: Action;
  readonly actionLabel: string;
  /** What happened, in words the applicant knows (T1). */
  readonly title: string;
  readonly actor: Actor;
  readonly actorLabel: string;
  readonly from: ApplicationStatus;
  readonly to: ApplicationStatus;
  readonly fromLevel: number;
  readonly toLevel: number;
  /** Applicant-facing label of the new status (T1). */
  readonly statusLabel: string;
  readonly at: string;
  readonly opinion: string | null;
}

export type ActionResult =
  | { readonly ok: true; readonly next: Application; readonly event: ApplicationEvent }
  | { readonly ok: false; readonly reason: string };

function actorLabel(actor: Actor, app: Application, program: Program): string {
  if (actor.kind === "authority") return reviewChainFor(app, program)[actor.level - 1]?.name ?? `第${actor.level}级审批机构`;
  return ACTOR_KIND_LABELS[actor.kind];
}

/** Identity check: the applicant acts on their own application, the employer on its own staff, an authority at its level. */
function actorMismatch(app: Application, actor: Actor): string | null {
  switch (actor.kind) {
    case "applicant":
      return actor.personId === app.personId ? null : "只能办理本人的申请";
    case "employer":
      return app.employerId !== null && actor.employerId === app.employerId ? null : "只能办理本单位人员的申请";
    case "authority":
      return actor.level === app.currentLevel ? null : "申请不在本级审批机构";
    case "system":
      return null;
  }
}

function permitted(app: Application, actor: Actor, program: Program, spec: TransitionSpec): string | null {
  return actorMismatch(app, actor) ?? spec.guard(app, program, actor);
}

/** The actions this actor may take now (buttons to show). Input-dependent checks happen in `applyAction`. */
export function availableActions(app: Application, actor: Actor, program: Program): Action[] {
  const out: Action[] = [];
  for (const spec of TRANSITIONS[app.status] as readonly TransitionSpec[]) {
    if (spec.by !== actor.kind || out.includes(spec.action)) continue;
    if (permitted(app, actor, program, spec) === null) out.push(spec.action);
  }
  return out;
}

export function applyAction(
  app: Application,
  action: Action,
  actor: Actor,
  program: Program,
  input: ActionInput,
): ActionResult {
  if (app.programCode !== program.code) return { ok: false, reason: "申请与注册项目不符" };
  const candidates = (TRANSITIONS[app.status] as readonly TransitionSpec[]).filter((t) => t.action === action);
  const spec = candidates.find((t) => t.by === actor.kind);
  if (!spec) {
    const who = ACTOR_KIND_LABELS[actor.kind];
    return { ok: false, reason: `申请处于「${STATUS_LABELS[app.status]}」状态，${who}不能「${ACTIONS[action].label}」` };
  }
  const refused =
    permitted(app, actor, program, spec) ??
    (actor.kind === "authority" && input.duties ? segregationOfDutiesProblem(action, program, input.duties) : null) ??
    INPUT_CHECKS[action]?.(app, program, input, actor) ??
    null;
  if (refused) return { ok: false, reason: refused };
  const next = RESOLVERS[action](app, program, input, actor);
  if (!spec.to.includes(next.status)) throw new Error(`resolver for ${action} left the table: ${app.status} → ${next.status}`);
  const event: ApplicationEvent = {
    applicationId: app.id,
    action,
    actionLabel: ACTIONS[action].label,
    title: eventTitle(action, app, next, program),
    actor,
    actorLabel: actorLabel(actor, app, program),
    from: app.status,
    to: next.status,
    fromLevel: app.currentLevel,
    toLevel: next.currentLevel,
    statusLabel: statusLabel(next, program),
    at: input.at,
    opinion: input.opinion ?? (input.reasons && input.reasons.length > 0 ? input.reasons.join("；") : null),
  };
  return { ok: true, next, event };
}

function eventTitle(action: Action, app: Application, next: Application, program: Program): string {
  if (action === "sign" && app.filedByEmployer) return "聘用单位已签名申报强制注销";
  if (action === "sign") return program.labels.signed.replace(/（.*）$/, "");
  if (action === "countersign") {
    if (next.status === "approved")
      return app.type === "cancellation" ? `${program.labels.countersigned}，注销注册办结` : `${program.labels.countersigned}，系统自动准予`;
    return program.labels.countersigned;
  }
  if (action === "withdraw" && next.status === "withdrawal_requested") return "个人申请撤回，待单位同意";
  if (action === "withdraw") return "已撤回";
  if (action === "conclude") return `公示期满，${DECISION_LABELS[app.type][next.status === "approved" ? "approve" : "reject"]}`;
  if (action === "approve" || action === "reject") return DECISION_LABELS[app.type][action];
  return ACTIONS[action].event;
}

/** G9: only the applicant edits, and only before approval starts; the employer always sees the form read-only. */
export function isFormEditable(app: Application, actor: Actor): boolean {
  if (actor.kind === "employer") return app.forcedCancellation && app.status === "draft";
  if (actor.kind !== "applicant" || actor.personId !== app.personId) return false;
  return app.status === "draft" || app.status === "returned" || app.status === "signed"; // signed: editing voids the signature
}

// ---------------------------------------------------------------------------------------------------------------
// Mermaid rendering of the table (docs/engine.md embeds its output; a test keeps them equal).
// ---------------------------------------------------------------------------------------------------------------

export function renderMermaid(): string {
  const lines = ["stateDiagram-v2", "  [*] --> draft"];
  for (const from of APPLICATION_STATUSES) {
    const edges = new Map<string, { to: ApplicationStatus; action: Action; actors: ActorKind[] }>();
    for (const spec of TRANSITIONS[from] as readonly TransitionSpec[]) {
      for (const to of spec.to) {
        const key = `${to}|${spec.action}`;
        const e = edges.get(key) ?? { to, action: spec.action, actors: [] };
        if (!e.actors.includes(spec.by)) e.actors.push(spec.by);
        edges.set(key, e);
      }
    }
    for (const e of edges.values()) lines.push(`  ${from} --> ${e.to} : ${e.action} (${e.actors.join(", ")})`);
    if ((TRANSITIONS[from] as readonly TransitionSpec[]).length === 0) lines.push(`  ${from} --> [*]`);
  }
  return lines.join("\n");
}
