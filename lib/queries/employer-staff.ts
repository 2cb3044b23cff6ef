/** 强制注销申报 (K2): the employer's staff with a registration in force, and the forced cancellations concerning them. */
import { and, desc, eq, inArray, ne } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applications, people, registrations } from "@/db/schema";
import { isInFlight, statusLabel } from "@/lib/domain/application";
import { findSpecialty, getProgram } from "@/lib/domain/programs";
import { toDomainApplication } from "@/db/rows/application-rows";

export type StaffRegistration = {
  registrationId: string;
  personName: string;
  idNumber: string;
  label: string;
  registrationNo: string;
  validTo: string;
  /** Why it cannot be filed now (another application under approval), else null. */
  blockedBy: string | null;
};

export async function staffRegistrationsInForce(db: Executor, employerId: string): Promise<StaffRegistration[]> {
  const regs = await db
    .select({ reg: registrations, personName: people.name, idNumber: people.idNumber })
    .from(registrations)
    .innerJoin(people, eq(people.id, registrations.personId))
    .where(and(eq(registrations.employerId, employerId), inArray(registrations.status, ["active", "suspended"])))
    .orderBy(people.name, registrations.registrationNo)
    .limit(500);
  const personIds = [...new Set(regs.map((r) => r.reg.personId))];
  const open = personIds.length
    ? await db
        .select({ personId: applications.personId, programCode: applications.programCode, status: applications.status })
        .from(applications)
        .where(and(inArray(applications.personId, personIds), ne(applications.status, "deleted")))
    : [];
  return regs.map(({ reg, personName, idNumber }) => {
    const program = getProgram(reg.programCode);
    const busy = open.some(
      (a) => a.personId === reg.personId && a.programCode === reg.programCode && isInFlight(a.status),
    );
    return {
      registrationId: reg.id,
      personName,
      idNumber,
      label: `${program.name} ${findSpecialty(program, reg.specialtyCode)?.name ?? reg.specialtyCode}`,
      registrationNo: reg.registrationNo,
      validTo: reg.validTo,
      blockedBy: busy ? "该人员在本注册项目有正在办理的申请，办结或撤回后才能申报" : null,
    };
  });
}

export async function forcedCancellationsOf(db: Executor, employerId: string, limit = 50) {
  const rows = await db
    .select({ app: applications, personName: people.name })
    .from(applications)
    .innerJoin(people, eq(people.id, applications.personId))
    .where(
      and(
        eq(applications.employerId, employerId),
        eq(applications.forcedCancellation, true),
        inArray(applications.status, [
          "pending_acceptance",
          "withdrawal_requested",
          "correction_requested",
          "under_review",
          "publicized",
          "approved",
          "rejected",
          "withdrawn",
        ]),
      ),
    )
    .orderBy(desc(applications.applicantSignedAt))
    .limit(limit);
  return rows.map(({ app, personName }) => ({
    id: app.id,
    acceptanceNo: app.acceptanceNo,
    personName,
    filedBy: app.filedByEmployer ? "本单位" : "申请人",
    filedAt: app.applicantSignedAt,
    statusLabel: statusLabel(toDomainApplication(app), getProgram(app.programCode)),
  }));
}
