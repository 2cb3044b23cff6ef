/**
 * Translation between database rows and the engine's plain records. The engine never sees a row; the database
 * never sees an engine object — this file is the only place the two shapes meet.
 */
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import * as s from "@/db/schema";
import type { Application } from "@/lib/domain/application";
import type { IsoDate } from "@/lib/domain/dates";
import type { PersonSnapshot } from "@/lib/domain/eligibility";
import type { ProgramCode, RouteCode } from "@/lib/domain/programs";
import type { CeRecord, EmployerSnapshot, Qualification, RegistrationRecord } from "@/lib/domain/registration";
import type { EmployerKind } from "@/lib/domain/types";

export type ApplicationRow = typeof s.applications.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toDomainApplication(row: ApplicationRow): Application {
  return {
    id: row.id,
    personId: row.personId,
    programCode: row.programCode as ProgramCode,
    type: row.type,
    specialty: row.specialtyCode,
    route: row.route as RouteCode,
    employerId: row.employerId,
    forcedCancellation: row.forcedCancellation,
    infoChangeKind: row.infoChangeKind,
    socialInsuranceAnomaly: row.socialInsuranceAnomaly,
    status: row.status,
    currentLevel: row.currentLevel,
    savedValid: row.savedValid,
    signedAt: iso(row.applicantSignedAt),
    countersignedAt: iso(row.employerSignedAt),
    everAccepted: row.everAccepted,
    correction: row.correction ?? null,
    notice: row.notice ? { outcome: row.notice.outcome, reasons: row.notice.reasons } : null,
    rejectionReasons: row.rejectionReasons,
    returnReason: row.returnReason,
    decidedWithoutReview: row.decidedWithoutReview,
  };
}

/** Columns that mirror the engine's state after a transition. */
export function applicationColumns(next: Application) {
  return {
    status: next.status,
    currentLevel: next.currentLevel,
    savedValid: next.savedValid,
    applicantSignedAt: next.signedAt ? new Date(next.signedAt) : null,
    employerSignedAt: next.countersignedAt ? new Date(next.countersignedAt) : null,
    everAccepted: next.everAccepted,
    correction: next.correction ? { ...next.correction } : null,
    notice: next.notice ? { outcome: next.notice.outcome, reasons: [...next.notice.reasons] } : null,
    rejectionReasons: [...next.rejectionReasons],
    returnReason: next.returnReason,
    decidedWithoutReview: next.decidedWithoutReview,
    employerId: next.employerId,
  };
}

export function toRegistrationRecord(r: typeof s.registrations.$inferSelect): RegistrationRecord {
  return {
    id: r.id,
    personId: r.personId,
    programCode: r.programCode as ProgramCode,
    specialty: r.specialtyCode,
    registrationNumber: r.registrationNo,
    sealNumber: r.sealNo,
    sealSequence: r.sealSequence,
    employerId: r.employerId ?? "",
    employerProvinceCode: r.employerProvinceCode ?? undefined,
    status: r.status,
    validFrom: r.validFrom as IsoDate,
    validUntil: r.validTo as IsoDate,
  };
}

/** Everything the engine needs to judge what a person may file (eligibility) — six indexed queries, no N+1. */
export async function loadPersonSnapshot(db: Executor, personId: string, programCode: string): Promise<PersonSnapshot> {
  const [person] = await db.select().from(s.people).where(eq(s.people.id, personId));
  if (!person) throw new Error(`person ${personId} not found`);
  const regs = await db.select().from(s.registrations).where(eq(s.registrations.personId, personId));
  // The employer is the registration's for a registered person: the profile's changes only through 变更注册.
  const employerId =
    regs.find((r) => r.programCode === programCode && (r.status === "active" || r.status === "suspended") && r.employerId)?.employerId ?? person.employerId;
  const [quals, apps, ce, employer] = await Promise.all([
    db.select().from(s.qualifications).where(eq(s.qualifications.personId, personId)),
    db
      .select({ id: s.applications.id, programCode: s.applications.programCode, type: s.applications.type, specialty: s.applications.specialtyCode, status: s.applications.status })
      .from(s.applications)
      .where(eq(s.applications.personId, personId)),
    db.select().from(s.continuingEducation).where(eq(s.continuingEducation.personId, personId)),
    employerId ? db.select().from(s.employers).where(eq(s.employers.id, employerId)) : Promise.resolve([]),
  ]);
  const emp = employer[0];
  const employerSnapshot: EmployerSnapshot | null = emp
    ? { id: emp.id, name: emp.name, kind: emp.kind as EmployerKind, provinceCode: emp.provinceCode, verified: true }
    : null;
  return {
    personId,
    birthDate: person.birthDate as IsoDate,
    qualifications: quals.map(
      (q): Qualification => ({
        programCode: q.programCode as ProgramCode,
        specialty: q.specialtyCode,
        issuedOn: (q.issueDate ?? q.approvalDate) as IsoDate,
        provinceCode: q.obtainedProvinceCode,
        certificateNumber: q.certificateNo ?? undefined,
      }),
    ),
    registrations: regs.map(toRegistrationRecord),
    applications: apps.map((a) => ({ ...a, specialty: a.specialty })),
    ceRecords: ce.map(
      (c): CeRecord => ({
        date: c.trainingDate as IsoDate,
        compulsoryHours: c.category === "required" ? c.hours : 0,
        electiveHours: c.category === "elective" ? c.hours : 0,
        specialty: c.specialtyCode,
        provider: c.provider,
      }),
    ),
    photoOnFile: person.photoFileId !== null,
    signatureOnFile: person.signatureFileId !== null,
    employer: employerSnapshot,
    socialInsuranceAnomaly: person.socialInsuranceAnomaly,
    route: routeFor(person.idType, programCode),
    // 变更注册's new employer is picked in its form; an application's own snapshot comes from snapshotForApplication.
    newEmployerPending: true,
  };
}

/** 一级造价工程师 members of the Hong Kong institute file through the 香港地区 route (`000` §三.1). */
export function routeFor(idType: string, programCode: string): RouteCode {
  return programCode === "cost1" && idType === "hk_surveyor_mutual" ? "hk" : "default";
}

export async function findRegistrations(db: Executor, personId: string, programCode: string) {
  return db
    .select()
    .from(s.registrations)
    .where(and(eq(s.registrations.personId, personId), eq(s.registrations.programCode, programCode)));
}
