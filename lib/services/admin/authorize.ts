import type { Executor } from "@/db/client";
import { logSecurityEvent, type SecurityEventKind } from "@/lib/server/security-events";
import type { Actor } from "../actor";
import { notFound } from "../errors";

/** Administration is for administrators only; anyone else is told the thing does not exist (deny by default). */
export function requireAdmin(actor: Actor): void {
  if (actor.role !== "admin" || !actor.userId) throw notFound("page");
}

/** The audit-trail entry of an administration action: who (the administrator) did what to which target. */
export async function recordAdminAction(
  tx: Executor,
  actor: Actor,
  kind: SecurityEventKind,
  target: Record<string, unknown>,
  ip?: string,
): Promise<void> {
  await logSecurityEvent(tx, { kind, accountId: actor.userId, ip, detail: { by: actor.displayName, ...target } });
}
