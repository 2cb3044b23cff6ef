/**
 * The one transition table of an application (rules.md §T, §W, §G8–G9, §K2). Every state lists the actions
 * allowed in it, who may take them, where they lead and the named guard that must hold. The table is typed so that
 * a missing state, or an action that appears nowhere, is a compile error.
 */
import type { ActorKind, ApplicationStatus } from "../types";
import {
  always,
  canCountersign,
  canDelete,
  canEditAfterSign,
  canEmployerFile,
  canResubmit,
  canSign,
  canWithdraw,
  type Guard,
  hasNextLevel,
  isAtAuthority,
  isFinalLevelWithNotice,
  isFinalLevelWithoutNotice,
  noticeFailed,
} from "./guards";
import type { Action } from "./labels";

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
    // 逾期未补正: at the 补正 deadline the system decides 不予注册 with that reason (issue 11; W5 resubmission
    // stays open).
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

/** The table's rows for one state, widened so callers can filter them without fighting the literal types. */
export function transitionsFrom(status: ApplicationStatus): readonly TransitionSpec[] {
  return TRANSITIONS[status];
}
