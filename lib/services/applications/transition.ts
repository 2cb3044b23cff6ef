/**
 * The one way an application changes state. Every use case (accept, approve, withdraw …) calls this with its action:
 *   authorize the actor → ask the engine (lib/domain) → conditional UPDATE on (id, version, status) →
 *   append the hash-chained event → apply approval effects → notify — all in one transaction (plan-change.ts decides
 *   what the change is; this file writes it).
 * Two reviewers approving at once: both read version v; the first UPDATE wins, the second finds no row with
 * version v (PostgreSQL re-checks the WHERE after the first commits) and gets a conflict, so exactly one event exists.
 */
import { and, eq, getTableColumns, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import * as s from "@/db/schema";
import { lastEventOfApplication, type ApplicationRow } from "@/db/rows/application-rows";
import type { Actor } from "../actor";
import { appendApplicationEvent } from "../audit/append-event";
import { notFound, refused, say } from "../errors";
import { applyApprovalEffects } from "./apply-approval-effects";
import { notifyParties } from "./notify";
import { eventOf, planChange, staleConflict, type TransitionRequest } from "./plan-change";
import { saveInOneStatement } from "./save-in-one-statement";

export type { TransitionRequest } from "./plan-change";

/** `files.purpose` of a signed application form that was voided (修改申请表 after signing, reopened to resubmit). */
export const VOIDED_FORM = "voided";

export type TransitionOutcome = { application: ApplicationRow; eventId: number; summary?: string };

/** `db` may be a transaction: the change then commits with the caller's (a savepoint inside it). */
export async function transitionApplication(
  db: Executor,
  actor: Actor,
  req: TransitionRequest,
): Promise<TransitionOutcome> {
  const now = req.now ?? new Date();
  try {
    // A save of a draft (not of a 退回 application, whose signed form the transaction below voids, G9).
    const given = req.row?.id === req.applicationId ? req.row : undefined;
    if (req.action === "save" && given?.status === "draft" && req.lastEvent !== undefined && !req.afterUpdate) {
      const saved = await saveInOneStatement(db, actor, req, given, req.lastEvent, now);
      if (saved) return saved;
    }
    return await db.transaction(async (tx) => {
      const row = given ?? (await tx.select().from(s.applications).where(eq(s.applications.id, req.applicationId)))[0];
      if (!row) throw notFound("application");
      const change = await planChange(tx, actor, req, row, now);
      const { next } = change;
      const [returned] = await tx
        .update(s.applications)
        .set(change.columns)
        .where(unchangedSince(row))
        // The chain's last link, read under the row lock this UPDATE takes (one round trip less). Under READ COMMITTED
        // the sub-select sees the UPDATE's snapshot: a change committed while this one waited bumped the version, so
        // the UPDATE matches no row and this is a conflict, never an append onto a stale link.
        .returning({ ...getTableColumns(s.applications), lastEvent: lastEventOfApplication() });
      if (!returned) throw staleConflict(row);
      const { lastEvent, ...updated } = returned;

      if (req.keepFiles?.ids.length) {
        await tx
          .update(s.files)
          .set({ state: "kept", applicationId: row.id })
          .where(and(inArray(s.files.id, req.keepFiles.ids), eq(s.files.ownerPersonId, req.keepFiles.ownerPersonId)));
      }
      await req.afterUpdate?.(tx, updated);
      if (next.status === "draft" && row.status !== "draft" && row.formPdfFileId) {
        // G9: every signed version of the form (the applicant's, the countersigned one) is void from now on.
        await tx
          .update(s.files)
          .set({ purpose: VOIDED_FORM })
          .where(and(eq(s.files.applicationId, row.id), eq(s.files.kind, "application_form")));
      }
      let summary: string | undefined;
      if (next.status === "approved" && row.status !== "approved") {
        const authorityId = change.columns.authorityId ?? null;
        summary = await applyApprovalEffects(tx, change.program, next, updated, row.authorityId ?? authorityId, now);
      }
      const event = await appendApplicationEvent(tx, eventOf(actor, req, row, change, summary), lastEvent);
      await notifyParties(tx, updated, change.engineActor.kind, change.event.title, change.event.opinion, summary);
      return { application: updated, eventId: event.id, summary };
    });
  } catch (e) {
    if (isUniqueViolation(e, "applications_one_in_flight_uq")) {
      throw refused(say("applications.oneInFlight"));
    }
    throw e;
  }
}

/** The race guard of every change: the row is still the version, and in the status, the change was decided on. */
const unchangedSince = (row: ApplicationRow) =>
  and(eq(s.applications.id, row.id), eq(s.applications.version, row.version), eq(s.applications.status, row.status));

function isUniqueViolation(e: unknown, constraint: string): boolean {
  for (
    let err = e as { code?: string; constraint?: string; cause?: unknown } | undefined;
    err;
    err = err.cause as typeof err
  ) {
    if (err.code === "23505" && err.constraint === constraint) return true;
  }
  return false;
}
