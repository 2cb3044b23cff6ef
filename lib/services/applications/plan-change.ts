/**
 * What a state change is, decided before anything is written (transition.ts writes it): who the actor is to the
 * engine (deny by default), the engine's verdict on the action with the facts only the server may establish, every
 * column the conditional UPDATE sets, and the timeline entry.
 */
import { and, desc, eq, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import * as s from "@/db/schema";
import { reviewChainFor, statusLabel, type EngineActor, type Application } from "@/lib/domain/application";
import { checkOption } from "@/lib/domain/eligibility";
import { getProgram, type Program } from "@/lib/domain/programs";
import { inputProblem } from "@/lib/domain/input-fields";
import { applyAction, type Action, type ActionInput } from "@/lib/domain/transitions";
import { acceptanceNumber } from "@/lib/domain/numbering";
import { chinaDate } from "@/lib/server/clock";
import { correctionDueOn, expectedDecisionOn } from "@/lib/domain/deadlines";
import { dutyFacts } from "@/lib/server/duty-facts";
import { liveFacts, snapshotForApplication, withPickedEmployer } from "@/db/rows/filed-facts";
import {
  applicationColumns,
  loadApplicationWithSnapshot,
  toDomainApplication,
  type ApplicationRow,
  type LastEvent,
} from "@/db/rows/application-rows";
import { isSystemActor, type Actor } from "../actor";
import { conflict, invalid, notFound, refused, say, named, type Text, joined } from "../errors";
import { allocateSerial } from "../numbering/allocate-serial";
import { reasonText } from "./eligibility-text";

/**
 * What a caller may pass to the engine; what the server must establish itself (time, G2 facts, eligibility) it adds.
 */
export type ClientActionInput = Omit<ActionInput, "at" | "otherApplications" | "systemJudgedEligible" | "noticePeriod">;

export type TransitionRequest = {
  applicationId: string;
  /**
   * The row as the caller read it moments ago in this request (保存 reads it with the applicant's snapshot in one
   * statement): the transition then sends no SELECT of its own. Safe because the UPDATE below is conditional on
   * (id, version, status) — if anything bumped the version or changed the status since, no row matches and it is a
   * conflict — and the audit chain's last link is read under that UPDATE's row lock (RETURNING), not from this row.
   */
  row?: ApplicationRow;
  action: Action;
  /** The version the user saw; a stale one is a conflict even if the action would still be allowed. */
  expectedVersion?: number;
  input?: ClientActionInput;
  /** Extra columns written in the same conditional update (e.g. the saved form). */
  set?: Partial<typeof s.applications.$inferInsert>;
  /**
   * The audit chain's last link, read with `row` in the same statement (null: none yet). With it, a 保存 that needs
   * no other write (`afterUpdate`) is one statement: the conditional UPDATE, the uploads it keeps and the event, as
   * one data-modifying WITH — atomic on its own, no BEGIN/COMMIT round trips (issue 12). Chaining onto a link read
   * outside the row lock is safe there: every event comes with a version bump, so if the link is no longer the last,
   * the version moved and the UPDATE — and with it the INSERT, which reads from it — writes nothing: a conflict.
   */
  lastEvent?: LastEvent | null;
  /** The uploads this change keeps (F1): only the owner's own files are kept, anything else silently not. */
  keepFiles?: { ids: string[]; ownerPersonId: string };
  /** More writes that belong to the same change (e.g. 变更注册's picked employer). */
  afterUpdate?: (tx: Executor, application: ApplicationRow) => Promise<void>;
  now?: Date;
};

export type PlannedChange = Awaited<ReturnType<typeof planChange>>;

/**
 * What the change is, decided before anything is written: the actor as the engine sees them (deny by default), the
 * engine's verdict on the action, and every column the conditional UPDATE sets. Reads only (eligibility facts,
 * 回避, the next authority), so it may run inside the transaction or, for a save, before its one statement.
 */
export async function planChange(exec: Executor, actor: Actor, req: TransitionRequest, row: ApplicationRow, now: Date) {
  if (row.status === "deleted") throw notFound("application");
  const engineActor = resolveEngineActor(actor, row);
  const stale = req.expectedVersion !== undefined && req.expectedVersion !== row.version;
  // Acting on a version someone else has just moved on: a conflict (刷新页面) for whoever still sees the application,
  // even when the move took it out of their hands (another reviewer's 准予注册 ends their level); 404 for anyone else.
  if (stale && (engineActor || reviewerOfItsAuthority(actor, row))) throw staleConflict(row);
  if (!engineActor) throw notFound("application");

  const program = getProgram(row.programCode);
  const app = toDomainApplication(row);
  const input: ActionInput = {
    ...req.input,
    at: now.toISOString(),
    ...(await serverFacts(exec, req.action, row, program, now)),
    // Segregation of duties (回避): the engine refuses a reviewer who filed, signed, countersigned or — where the
    // program says so — accepted this application (lib/domain/segregation-of-duties.ts).
    ...(engineActor.kind === "authority" ? { duties: await dutyFacts(exec, actor, row) } : {}),
  };
  const result = applyAction(app, req.action, engineActor, program, input);
  if (!result.ok) {
    // Refused for missing input: the form says what to fill in, next to each empty field; otherwise the rule's reason.
    const problem = inputProblem(req.action, input);
    // The engine's reasons are Chinese (lib/domain); other readers are told the step is not possible now.
    throw problem
      ? invalid(say("applications.inputProblem", {}, problem.message), problem.fieldErrors)
      : refused(say("applications.notPossible", {}, result.reason));
  }
  const next = result.next;

  // A decided application stays listed under the authority that decided it (已办结); a withdrawn one leaves (W1).
  const authorityId =
    next.currentLevel > 0
      ? await authorityFor(exec, program, next)
      : next.status === "approved" || next.status === "rejected"
        ? row.authorityId
        : null;
  const columns = {
    ...req.set,
    ...(await filedColumns(exec, req, row, next, now)),
    ...applicationColumns(next),
    authorityId,
    ...(await milestoneColumns(exec, row, next, program, now, req)),
    version: row.version + 1,
    updatedAt: now,
  };
  return { engineActor, program, next, event: result.event, columns };
}

/** The timeline entry of the change: the engine's words for the step, and what the step carried. */
export function eventOf(
  actor: Actor,
  req: TransitionRequest,
  row: ApplicationRow,
  change: PlannedChange,
  summary?: string,
) {
  const e = change.event;
  return {
    applicationId: row.id,
    actor,
    actorKind: change.engineActor.kind,
    action: req.action,
    fromStatus: row.status,
    toStatus: change.next.status,
    opinion: e.opinion,
    payload: {
      title: e.title,
      actorLabel: e.actorLabel,
      statusLabel: e.statusLabel,
      fromLevel: e.fromLevel,
      toLevel: e.toLevel,
      ...(req.input?.reasons?.length ? { reasons: [...req.input.reasons] } : {}),
      ...(req.input?.correction ? { correction: { ...req.input.correction } } : {}),
      ...(req.input?.files?.length ? { files: [...req.input.files] } : {}),
      ...(summary ? { summary } : {}),
    },
  };
}

export function staleConflict(row: ApplicationRow) {
  return conflict(
    say("applications.stale", {
      status: named(`status.${row.status}`, statusLabel(toDomainApplication(row), getProgram(row.programCode))),
    }),
  );
}

/** The application is listed at this reviewer's authority: under review there, or decided there (已办结). */
function reviewerOfItsAuthority(actor: Actor, row: ApplicationRow): boolean {
  return actor.role === "reviewer" && !!actor.authorityId && row.authorityId === actor.authorityId;
}

/** Deny by default: the applicant acts on their own, the employer on its staff's once sent, a reviewer at its level. */
function resolveEngineActor(actor: Actor, row: ApplicationRow): EngineActor | null {
  if (isSystemActor(actor)) return { kind: "system" };
  switch (actor.role) {
    case "applicant":
      return actor.personId && actor.personId === row.personId ? { kind: "applicant", personId: actor.personId } : null;
    case "employer":
      // An unsent draft is the applicant's alone (G9: the employer sees only what was signed) — except the forced
      // cancellation the employer files itself (K2).
      return actor.employerId &&
        actor.employerId === row.employerId &&
        (row.applicantSignedAt !== null || row.filedByEmployer)
        ? { kind: "employer", employerId: actor.employerId }
        : null;
    case "reviewer":
      return reviewerOfItsAuthority(actor, row) && row.currentLevel > 0
        ? { kind: "authority", level: row.currentLevel }
        : null;
    case "admin":
      // Scheduled jobs (公示期满办结, issue 11); the engine still decides which actions the system may take.
      return isSystemActor(actor) ? { kind: "system" } : null;
    default:
      return null;
  }
}

/** Facts the engine needs that only the server may establish (never trusted from the client). */
async function serverFacts(
  tx: Executor,
  action: Action,
  row: ApplicationRow,
  program: Program,
  now: Date,
): Promise<Partial<ActionInput>> {
  if (action === "sign") {
    // What was true when the draft was created may not be any more (a deadline passed, a photo removed …).
    // The application's person, with everything eligibility needs, in one statement (as 保存 reads it, issue 12).
    const loaded = await loadApplicationWithSnapshot(tx, row.id);
    if (!loaded) throw notFound("application");
    const snapshot = await withPickedEmployer(tx, loaded.snapshot, row);
    const others = snapshot.applications.filter((a) => a.id !== row.id);
    const option = checkOption(
      { ...snapshot, applications: others },
      program,
      row.type,
      row.specialtyCode,
      chinaDate(now),
    );
    // K2: an employer filing a forced cancellation cannot supply the person's own photo and signature (G4) — the person
    // is the one not cooperating — and a cancellation issues no certificate that would carry them.
    const reasons = option.reasons.filter((r) => !(row.filedByEmployer && r.rule === "G4"));
    if (reasons.length)
      throw refused(say("eligibility.cannotSignNow", { reasons: joined(reasons.map((r) => reasonText(program, r))) }));
    return { otherApplications: others };
  }
  if (action === "conclude") {
    // 公示期满: the latest published notice that lists this application decides when it may conclude.
    const [listed] = await tx
      .select({ endsOn: s.notices.endsOn })
      .from(s.noticeItems)
      .innerJoin(s.notices, eq(s.notices.id, s.noticeItems.noticeId))
      .where(and(eq(s.noticeItems.applicationId, row.id), eq(s.notices.kind, "publicity")))
      .orderBy(desc(s.notices.publishedAt))
      .limit(1);
    return { noticePeriod: { endsOn: listed?.endsOn ?? null, today: chinaDate(now) } };
  }
  if (action === "countersign" && program.options.autoApproveOnEmployerSeal.includes(row.type)) {
    const snapshot = await snapshotForApplication(tx, row);
    const withoutThis = { ...snapshot, applications: snapshot.applications.filter((a) => a.id !== row.id) };
    return {
      systemJudgedEligible: checkOption(withoutThis, program, row.type, row.specialtyCode, chinaDate(now)).allowed,
    };
  }
  return {};
}

/** The authority that holds the application at its current level of the review chain. */
async function authorityFor(tx: Executor, program: Program, next: Application): Promise<string> {
  const level = reviewChainFor(next, program)[next.currentLevel - 1];
  if (!level) throw new Error(`no review level ${next.currentLevel} for ${program.code}`);
  let where: SQL | undefined;
  let placeName: Text = level.name;
  if (level.level === "provincial") {
    let province = program.jurisdiction.kind === "provincial" ? program.jurisdiction.provinceCode : null;
    if (!province && next.employerId) {
      const [employer] = await tx
        .select({ provinceCode: s.employers.provinceCode })
        .from(s.employers)
        .where(eq(s.employers.id, next.employerId));
      province = employer?.provinceCode ?? null;
    }
    if (!province) throw refused(say("applications.noProvince"));
    where = and(eq(s.authorities.level, "provincial"), eq(s.authorities.provinceCode, province));
    placeName = say("applications.provincialAuthority", { province });
  } else {
    where = eq(s.authorities.level, level.level);
  }
  // A disabled authority (机构管理 → 停用) receives no new applications.
  const [authority] = await tx
    .select({ id: s.authorities.id })
    .from(s.authorities)
    .where(and(where, eq(s.authorities.disabled, false)))
    .limit(1);
  if (!authority) throw refused(say("applications.authorityOffline", { place: placeName }));
  return authority.id;
}

/**
 * What was filed stays as filed: signing freezes the facts the application is about (the caller may pass the ones it
 * printed on the PDF); going back to a draft voids the signed form and its snapshot, to be signed afresh.
 */
async function filedColumns(tx: Executor, req: TransitionRequest, row: ApplicationRow, next: Application, now: Date) {
  if (req.action === "sign") {
    const filed = req.set?.filed ?? (await liveFacts(tx, row, now));
    // C1/S2: the change's scope and the reissue's reason are the application's subtype, stored as filed.
    const reason = row.formData.reason;
    const subtype =
      row.type === "change"
        ? filed.changeScope
        : row.type === "reissue" && typeof reason === "string"
          ? reason
          : row.subtype;
    return { filed, subtype };
  }
  if (next.status === "draft" && row.status !== "draft") return { filed: null, formPdfFileId: null };
  return {};
}

/** Dates and numbers stamped when an application first passes a milestone. */
async function milestoneColumns(
  tx: Executor,
  row: ApplicationRow,
  next: Application,
  program: Program,
  now: Date,
  req: TransitionRequest,
) {
  const out: Partial<typeof s.applications.$inferInsert> = {};
  // A number already printed on the signed form (req.set) is the one kept.
  if (next.status === "signed" && !row.acceptanceNo && !req.set?.acceptanceNo) {
    // R2: the online acceptance number is issued when the applicant first signs and files.
    const probe = acceptanceNumber(program, chinaDate(now), 1);
    const scope = `acceptance:${probe.slice(0, -4)}`;
    out.acceptanceNo = acceptanceNumber(program, chinaDate(now), await allocateSerial(tx, scope));
  }
  if (row.currentLevel === 0 && next.currentLevel > 0) out.submittedAt = now;
  if (next.everAccepted && !row.everAccepted) {
    out.acceptedAt = now;
    // Shown to the applicant and in reviewers' queues (overdue in red), issue 11.
    out.expectedDecisionOn = expectedDecisionOn(chinaDate(now), program);
  }
  // 补正 deadline from program data: set by the request, kept while a withdrawal request is pending, cleared after.
  if (
    next.status === "correction_requested" &&
    row.status !== "correction_requested" &&
    row.status !== "withdrawal_requested"
  ) {
    out.correctionDueOn = correctionDueOn(chinaDate(now), program);
  } else if (next.status !== "correction_requested" && next.status !== "withdrawal_requested" && row.correctionDueOn) {
    out.correctionDueOn = null;
  }
  if ((next.status === "approved" || next.status === "rejected") && row.status !== next.status) out.decidedAt = now;
  return out;
}
