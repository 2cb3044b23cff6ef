import { desc, eq } from "drizzle-orm";
import type { LastEvent } from "@/db/rows/application-rows";
import type { Executor } from "@/db/client";
import { applicationEvents } from "@/db/schema";
import type { ApplicationStatus } from "@/lib/domain/types";
import type { Actor } from "../actor";
import { eventHash, GENESIS_HASH } from "@/lib/server/audit/hash-chain";

export type NewEvent = {
  applicationId: string;
  actor: Actor;
  actorKind: string;
  action: string;
  fromStatus: ApplicationStatus | null;
  toStatus: ApplicationStatus;
  opinion?: string | null;
  payload?: Record<string, unknown>;
};

export type { LastEvent };

/**
 * Appends one event to an application's timeline and audit chain. Call it inside the transaction that changed the
 * application: that transaction already holds the application's row lock (conditional UPDATE), so appends to one
 * chain are serialised; the unique (application_id, seq) index is the backstop. `known` is the last link when the
 * caller already read it
 * under that lock (null: the chain is empty).
 */
export async function appendApplicationEvent(tx: Executor, e: NewEvent, known?: LastEvent | null) {
  const [last] =
    known !== undefined
      ? known
        ? [known]
        : []
      : await tx
          .select({ seq: applicationEvents.seq, hash: applicationEvents.hash })
          .from(applicationEvents)
          .where(eq(applicationEvents.applicationId, e.applicationId))
          .orderBy(desc(applicationEvents.seq))
          .limit(1);
  const [row] = await tx
    .insert(applicationEvents)
    .values(chainedEvent(e, last ?? null))
    .returning();
  return row!;
}

/** The event as stored: the next link after `last` (null: the chain is empty), with its hash. */
export function chainedEvent(e: NewEvent, last: LastEvent | null) {
  const fields = {
    applicationId: e.applicationId,
    seq: (last?.seq ?? 0) + 1,
    actorUserId: e.actor.userId || null,
    actorKind: e.actorKind,
    actorName: e.actor.displayName,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    opinion: e.opinion ?? null,
    payload: e.payload ?? {},
    // Millisecond precision: what JavaScript can represent is exactly what PostgreSQL stores and returns.
    occurredAt: new Date(),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  return { ...fields, hash: eventHash(fields) };
}
