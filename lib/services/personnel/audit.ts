import type { Executor } from "@/db/client";
import type { PersonnelStatus } from "@/lib/domain/personnel";
import { logSecurityEvent } from "@/lib/server/security-events";
import type { Actor } from "../actor";

/**
 * The audit entry of a staff-record change (M4). Staff records are not applications, so they have no timeline of
 * their own; like the administrators' changes they go to the security log, in the transaction that made the change.
 */
export async function auditPersonnelChange(
  tx: Executor,
  actor: Actor,
  e: {
    recordId: string;
    action: "created" | "saved" | "submitted" | "approved" | "returned";
    from: PersonnelStatus | null;
    to: PersonnelStatus;
    opinion?: string | null;
  },
) {
  await logSecurityEvent(tx, {
    kind: "personnel_record_changed",
    accountId: actor.userId || null,
    detail: {
      recordId: e.recordId,
      action: e.action,
      from: e.from,
      to: e.to,
      actorName: actor.displayName,
      opinion: e.opinion ?? undefined,
    },
  });
}
