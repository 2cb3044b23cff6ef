/**
 * Segregation of duties (回避, issue 9 item 9) — pure rules, no I/O. The server establishes the facts (who the
 * reviewer's account is linked to, who filed, signed and countersigned, who accepted) from the database, never from
 * the request; the engine asks `segregationOfDutiesProblem` before any reviewer action.
 */
import type { Program } from "./programs";

/** Reviewer actions that decide the outcome at the final level (准予 / 不予注册, 公示 of the outcome). */
const DECIDING_ACTIONS: ReadonlySet<string> = new Set(["approve", "reject", "publish_notice"]);

export interface DutyFacts {
  /** The reviewer's account. */
  readonly actorUserId: string;
  /** The person the reviewer's account is linked to (用户管理 → 关联人员), or null. */
  readonly actorPersonId: string | null;
  /** The person the application is about (who filed it, or whom an employer's K2 filing concerns). */
  readonly applicantPersonId: string;
  /** Accounts that signed, countersigned or filed it as applicant or employer. */
  readonly partyUserIds: readonly string[];
  /** The people those accounts are linked to (an employer account's 经办人, if linked). */
  readonly partyPersonIds: readonly string[];
  /** Accounts that accepted (受理) the application at its current level, since it last arrived there. */
  readonly acceptedByUserIds: readonly string[];
}

export const SOD_INVOLVED = "按回避规定，您不能审核本人申报或本人经办签章的申请。请由本机构其他审核人员办理。";
export const SOD_ACCEPTED_HERE =
  "按本注册项目的规定，受理与审批须由不同人员办理：本申请由您受理，请由本机构其他审核人员作出审批决定。";

/**
 * Nobody acts on an application they filed, signed or countersigned — through any of their linked accounts — and,
 * where the program separates 受理 from 审批 (`options.acceptorMayDecide` false), the reviewer who accepted it does
 * not also decide it. Returns the plain-language refusal, or null.
 */
export function segregationOfDutiesProblem(action: string, program: Program, facts: DutyFacts): string | null {
  const me = facts.actorPersonId;
  const involved =
    facts.partyUserIds.includes(facts.actorUserId) ||
    (me !== null && (me === facts.applicantPersonId || facts.partyPersonIds.includes(me)));
  if (involved) return SOD_INVOLVED;
  if (
    !program.options.acceptorMayDecide &&
    DECIDING_ACTIONS.has(action) &&
    facts.acceptedByUserIds.includes(facts.actorUserId)
  ) {
    return SOD_ACCEPTED_HERE;
  }
  return null;
}
