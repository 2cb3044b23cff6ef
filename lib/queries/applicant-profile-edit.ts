import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applications, people, registrations } from "@/db/schema";
import { toDomainApplication } from "@/db/rows/application-rows";
import { IN_FLIGHT_STATUSES, statusLabel } from "@/lib/domain/application";
import { getProgram } from "@/lib/domain/programs";
import { employerById } from "./applicant-employers";
import { portraitProgramCode } from "./applicant-applications";

/**
 * 基本信息修改: the person, their employer, the program whose photo rules apply, and what blocks changing employer —
 * a valid registration, or an application still in progress (with the status label the person knows it by).
 * Undefined when the person does not exist.
 */
export async function profileEditView(db: Executor, personId: string) {
  const [person] = await db.select().from(people).where(eq(people.id, personId));
  if (!person) return undefined;
  const [employer, programCode, [busy], [registration]] = await Promise.all([
    person.employerId ? employerById(db, person.employerId) : Promise.resolve(null),
    portraitProgramCode(db, person.id),
    db
      .select()
      .from(applications)
      .where(and(eq(applications.personId, person.id), inArray(applications.status, [...IN_FLIGHT_STATUSES])))
      .limit(1),
    db
      .select()
      .from(registrations)
      .where(and(eq(registrations.personId, person.id), inArray(registrations.status, ["active", "suspended"])))
      .limit(1),
  ]);
  const inFlight = busy
    ? {
        type: busy.type,
        status: busy.status,
        statusText: statusLabel(toDomainApplication(busy), getProgram(busy.programCode)),
      }
    : null;
  return { person, employer, programCode, inFlight, registration };
}
