/**
 * Guards: state-only conditions (no input), so `availableActions` can show exactly the buttons that may work.
 * Each is a named function returning null when the action may proceed, else a plain-Chinese reason.
 */
import { reviewChainFor, type Application, type EngineActor } from "../application";
import { needsEmployerStep } from "../application-types";
import type { Program } from "../programs/types";

export type Guard = (app: Application, program: Program, actor: EngineActor) => string | null;

export function always(): string | null {
  return null;
}

/**
 * G8: the sign button appears only after a save that passed server validation.
 * K2: a forced cancellation may be filed by the employer.
 */
export function canSign(app: Application, _program: Program, actor: EngineActor): string | null {
  if (actor.kind === "employer" && !app.forcedCancellation) return "只有强制注销可由聘用单位申报";
  if (!app.savedValid) return "请先保存申请表并通过校验，再进行数字签名";
  return null;
}

/** K2: the employer may prepare a forced cancellation itself. */
export function canEmployerFile(app: Application): string | null {
  return app.forcedCancellation ? null : "只有强制注销可由聘用单位申报";
}

/** G9: editing after signing is allowed but voids the signed PDF; the resolver clears the signature. */
export function canEditAfterSign(): string | null {
  return null;
}

/** M2 / `002` §3.1.2: the employer countersigns what the applicant signed, read-only. */
export function canCountersign(app: Application): string | null {
  return needsEmployerStep(app.type, app.forcedCancellation) ? null : "该申请无需单位签名确认";
}

/** W1: withdraw until an authority has accepted; W2 is handled by the resolver (→ withdrawal_requested). */
export function canWithdraw(app: Application): string | null {
  // K2: a forced cancellation the employer filed is not the applicant's to take back.
  if (app.filedByEmployer) return "该强制注销申请由聘用单位申报，申请人不能撤回";
  return app.everAccepted ? "审批机构已受理，不能撤回" : null;
}

/** Authority actions are taken by the level the application is at (`currentLevel`). */
export function isAtAuthority(app: Application, program: Program): string | null {
  const chain = reviewChainFor(app, program);
  return app.currentLevel >= 1 && app.currentLevel <= chain.length ? null : "申请不在审批机构";
}

/** Review chain has another level (e.g. 省级初审 → 部级审批). */
export function hasNextLevel(app: Application, program: Program): string | null {
  return app.currentLevel < reviewChainFor(app, program).length ? null : "已是最高审批层级，请直接作出决定";
}

/** The top level decides; programs without 公示 approve directly. */
export function isFinalLevelWithoutNotice(app: Application, program: Program): string | null {
  if (app.currentLevel !== reviewChainFor(app, program).length) return "须先报上级审批机构审批";
  return program.options.publicNotice ? "本项目须先公示（P）" : null;
}

/** `000` §三.1(9)(10): the top level publishes its decision before it concludes. */
export function isFinalLevelWithNotice(app: Application, program: Program): string | null {
  if (app.currentLevel !== reviewChainFor(app, program).length) return "须先报上级审批机构审批";
  return program.options.publicNotice ? null : "本项目不设公示（P）";
}

/** W6: during 公示 the applicant may correct what was published as 不合格. */
export function noticeFailed(app: Application): string | null {
  return app.notice?.outcome === "fail" ? null : "公示结果为合格，无需补正";
}

/** W3: delete only what never reached an authority or came back from it (the table lists those states). */
export function canDelete(): string | null {
  return null;
}

/** W5/W1: a rejected or withdrawn application can be corrected and filed again. */
export function canResubmit(): string | null {
  return null;
}
