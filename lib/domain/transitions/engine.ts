/**
 * Running the table: `applyAction` is the only way the engine changes an application, and every successful call
 * yields exactly one timeline event (T1). `availableActions` shows the buttons whose guards hold.
 */
import { type Application, type EngineActor, reviewChainFor, statusLabel } from "../application";
import { DECISION_LABELS } from "../application-types";
import type { Program } from "../programs/types";
import { segregationOfDutiesProblem } from "../segregation-of-duties";
import type { ApplicationStatus } from "../types";
import { type ActionInput, INPUT_CHECKS } from "./input-checks";
import { ACTIONS, ACTOR_KIND_LABELS, type Action, STATUS_LABELS } from "./labels";
import { RESOLVERS } from "./resolvers";
import { type TransitionSpec, transitionsFrom } from "./table";

export interface ApplicationEvent {
  readonly applicationId: string;
  readonly action: Action;
  readonly actionLabel: string;
  /** What happened, in words the applicant knows (T1). */
  readonly title: string;
  readonly actor: EngineActor;
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

/** Named apart from `lib/action-result`'s `ActionResult`, which is what a server action returns to a form. */
export type TransitionResult =
  | { readonly ok: true; readonly next: Application; readonly event: ApplicationEvent }
  | { readonly ok: false; readonly reason: string };

function actorLabel(actor: EngineActor, app: Application, program: Program): string {
  if (actor.kind !== "authority") return ACTOR_KIND_LABELS[actor.kind];
  return reviewChainFor(app, program)[actor.level - 1]?.name ?? `第${actor.level}级审批机构`;
}

/** Identity check: applicants act on their own application, employers on their staff's, authorities at their level. */
function actorMismatch(app: Application, actor: EngineActor): string | null {
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

function permitted(app: Application, actor: EngineActor, program: Program, spec: TransitionSpec): string | null {
  return actorMismatch(app, actor) ?? spec.guard(app, program, actor);
}

/** The actions this actor may take now (buttons to show). Input-dependent checks happen in `applyAction`. */
export function availableActions(app: Application, actor: EngineActor, program: Program): Action[] {
  const out: Action[] = [];
  for (const spec of transitionsFrom(app.status)) {
    if (spec.by !== actor.kind || out.includes(spec.action)) continue;
    if (permitted(app, actor, program, spec) === null) out.push(spec.action);
  }
  return out;
}

export function applyAction(
  app: Application,
  action: Action,
  actor: EngineActor,
  program: Program,
  input: ActionInput,
): TransitionResult {
  if (app.programCode !== program.code) return { ok: false, reason: "申请与注册项目不符" };
  const spec = transitionsFrom(app.status).find((t) => t.action === action && t.by === actor.kind);
  if (!spec) {
    const who = ACTOR_KIND_LABELS[actor.kind];
    return {
      ok: false,
      reason: `申请处于「${STATUS_LABELS[app.status]}」状态，${who}不能「${ACTIONS[action].label}」`,
    };
  }
  const refused =
    permitted(app, actor, program, spec) ??
    (actor.kind === "authority" && input.duties ? segregationOfDutiesProblem(action, program, input.duties) : null) ??
    INPUT_CHECKS[action]?.(app, program, input, actor) ??
    null;
  if (refused) return { ok: false, reason: refused };
  const next = RESOLVERS[action](app, program, input, actor);
  if (!spec.to.includes(next.status))
    throw new Error(`resolver for ${action} left the table: ${app.status} → ${next.status}`);
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
    const countersigned = program.labels.countersigned;
    if (next.status !== "approved") return countersigned;
    return app.type === "cancellation" ? `${countersigned}，注销注册办结` : `${countersigned}，系统自动准予`;
  }
  if (action === "withdraw" && next.status === "withdrawal_requested") return "个人申请撤回，待单位同意";
  if (action === "withdraw") return "已撤回";
  if (action === "conclude")
    return `公示期满，${DECISION_LABELS[app.type][next.status === "approved" ? "approve" : "reject"]}`;
  if (action === "approve" || action === "reject") return DECISION_LABELS[app.type][action];
  return ACTIONS[action].event;
}

/** G9: only the applicant edits, and only before approval starts; the employer always sees the form read-only. */
export function isFormEditable(app: Application, actor: EngineActor): boolean {
  if (actor.kind === "employer") return app.forcedCancellation && app.status === "draft";
  if (actor.kind !== "applicant" || actor.personId !== app.personId) return false;
  // signed: editing voids the signature (G9), so it is still editable.
  return app.status === "draft" || app.status === "returned" || app.status === "signed";
}
