import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { personnelRecords } from "@/db/schema";
import type { PersonnelStatus } from "@/lib/domain/personnel";
import type { Actor } from "../actor";
import { conflict, notFound, say } from "../errors";
import { auditPersonnelChange } from "./audit";

/**
 * 上报 (M4): the employer submits a staff record (new, or corrected after a return) for the authority's review. The
 * previous opinion stays visible until the reviewer decides again.
 */
export async function submitPersonnelRecord(
  db: Database,
  actor: Actor,
  input: { id: string; version: number },
  now = new Date(),
) {
  if (actor.role !== "employer" || !actor.employerId || !/^[0-9a-f-]{36}$/i.test(input.id))
    throw notFound("personnelRecord");
  const employerId = actor.employerId;
  const from: PersonnelStatus[] = ["draft", "returned"];
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ status: personnelRecords.status })
      .from(personnelRecords)
      .where(and(eq(personnelRecords.id, input.id), eq(personnelRecords.employerId, employerId)))
      // Locked so the audit entry names the state this submission really left.
      .for("update");
    if (!before) throw notFound("personnelRecord");
    const [row] = await tx
      .update(personnelRecords)
      .set({ status: "submitted", submittedAt: now, updatedAt: now, version: sql`${personnelRecords.version} + 1` })
      .where(
        and(
          eq(personnelRecords.id, input.id),
          eq(personnelRecords.employerId, employerId),
          eq(personnelRecords.version, input.version),
          inArray(personnelRecords.status, from),
        ),
      )
      .returning({ id: personnelRecords.id, version: personnelRecords.version });
    if (!row) {
      if (before.status === "submitted") throw conflict(say("personnel.alreadySubmitted"));
      if (before.status === "approved") throw conflict(say("personnel.alreadyApproved"));
      throw conflict(say("personnel.staleSubmit"));
    }
    await auditPersonnelChange(tx, actor, {
      recordId: row.id,
      action: "submitted",
      from: before.status,
      to: "submitted",
    });
    return row;
  });
}
