/**
 * Resolvers compute the next application for an action that passed its guard and input check. `applyAction` checks
 * that the resulting status is one the table lists for that row.
 */
import type { Application, EngineActor } from "../application";
import { needsEmployerStep } from "../application-types";
import type { Program } from "../programs/types";
import type { ActionInput } from "./input-checks";
import type { Action } from "./labels";

type Resolver = (app: Application, program: Program, input: ActionInput, actor: EngineActor) => Application;

function withdrawal(app: Application, program: Program): Application {
  // W2: once at the authority (not yet accepted), withdrawal needs the employer's consent where the program says so.
  const atAuthority = app.status === "pending_acceptance" || app.status === "correction_requested";
  const needsConsent =
    program.options.withdrawalNeedsEmployerConsent && needsEmployerStep(app.type, app.forcedCancellation);
  if (atAuthority && needsConsent) return { ...app, status: "withdrawal_requested" };
  return { ...app, status: "withdrawn", currentLevel: 0, correction: null };
}

export const RESOLVERS: Record<Action, Resolver> = {
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
    notice: {
      outcome: input.noticeOutcome ?? "pass",
      reasons: input.noticeOutcome === "fail" ? (input.reasons ?? []) : [],
    },
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
