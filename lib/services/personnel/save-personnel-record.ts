import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { people, personnelRecords } from "@/db/schema";
import { parsePersonnelData, type PersonnelStatus } from "@/lib/domain/personnel";
import type { Actor } from "../actor";
import { conflict, invalid, notFound, say } from "../errors";
import { auditPersonnelChange } from "./audit";

export type SavePersonnelInput = {
  /** Absent: a new record (新增人员). */
  id?: string;
  /** The version the page showed (required when editing). */
  version?: number;
  fields: Record<string, string>;
};

const UUID = /^[0-9a-f-]{36}$/i;

/**
 * 人员信息 保存 (M4): the employer creates or edits a staff record. Only a record not yet submitted or one the authority
 * returned can be edited (备案通过后不能修改, `004`); the edit is conditional on the version the page showed. When a
 * registered person has this ID, the record is linked to them so their registrations show on it.
 */
export async function savePersonnelRecord(db: Database, actor: Actor, input: SavePersonnelInput, now = new Date()) {
  if (actor.role !== "employer" || !actor.employerId) throw notFound("personnelRecord");
  const employerId = actor.employerId;
  const parsed = parsePersonnelData(input.fields);
  if (!parsed.ok) throw invalid(say("personnel.complete"), parsed.fieldErrors);
  const data = parsed.value;

  return db.transaction(async (tx) => {
    const [person] = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.idType, data.idType), eq(people.idNumber, data.idNumber)));
    const [dup] = await tx
      .select({ id: personnelRecords.id })
      .from(personnelRecords)
      .where(and(eq(personnelRecords.employerId, employerId), eq(personnelRecords.idNumber, data.idNumber)));
    if (dup && dup.id !== input.id) {
      throw invalid(say("personnel.duplicate"), {
        idNumber: say("personnel.duplicateField"),
      });
    }

    if (!input.id) {
      const [row] = await tx
        .insert(personnelRecords)
        .values({
          employerId,
          personId: person?.id ?? null,
          idNumber: data.idNumber,
          data,
          status: "draft",
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: personnelRecords.id, version: personnelRecords.version });
      // Two saves of the same person at once: the unique index lets one through.
      if (!row)
        throw invalid(say("personnel.duplicate"), {
          idNumber: say("personnel.duplicateField"),
        });
      await auditPersonnelChange(tx, actor, { recordId: row.id, action: "created", from: null, to: "draft" });
      return row;
    }

    if (!UUID.test(input.id)) throw notFound("personnelRecord");
    const editable: PersonnelStatus[] = ["draft", "returned"];
    const [row] = await tx
      .update(personnelRecords)
      .set({
        personId: person?.id ?? null,
        idNumber: data.idNumber,
        data,
        updatedAt: now,
        version: sql`${personnelRecords.version} + 1`,
      })
      .where(
        and(
          eq(personnelRecords.id, input.id),
          eq(personnelRecords.employerId, employerId),
          eq(personnelRecords.version, input.version ?? -1),
          inArray(personnelRecords.status, editable),
        ),
      )
      .returning({ id: personnelRecords.id, version: personnelRecords.version, status: personnelRecords.status });
    if (!row) {
      const [current] = await tx
        .select({ status: personnelRecords.status })
        .from(personnelRecords)
        .where(and(eq(personnelRecords.id, input.id), eq(personnelRecords.employerId, employerId)));
      if (!current) throw notFound("personnelRecord");
      if (current.status === "submitted") throw conflict(say("personnel.underReview"));
      if (current.status === "approved") throw conflict(say("personnel.approvedNoEdit"));
      throw conflict(say("personnel.staleEdit"));
    }
    await auditPersonnelChange(tx, actor, { recordId: row.id, action: "saved", from: row.status, to: row.status });
    return { id: row.id, version: row.version };
  });
}
