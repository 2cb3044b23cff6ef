/**
 * Translation between database rows and the engine's plain records. The engine never sees a row; the database
 * never sees an engine object — this file is the only place the two shapes meet.
 */
import { and, eq, getTableColumns, sql, type SQL } from "drizzle-orm";
import { builtOnce } from "@/db/built-once";
import type { Executor } from "@/db/client";
import * as s from "@/db/schema";
import type { Application } from "@/lib/domain/application";
import type { IsoDate } from "@/lib/domain/dates";
import type { PersonSnapshot } from "@/lib/domain/eligibility";
import type { ProgramCode, RouteCode } from "@/lib/domain/programs";
import { findProgram } from "@/lib/domain/programs";
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
    filedByEmployer: row.filedByEmployer,
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

type RegistrationFields = Pick<
  typeof s.registrations.$inferSelect,
  | "id"
  | "personId"
  | "programCode"
  | "specialtyCode"
  | "registrationNo"
  | "sealNo"
  | "sealSequence"
  | "employerId"
  | "employerProvinceCode"
  | "status"
  | "validFrom"
  | "validTo"
>;

export function toRegistrationRecord(r: RegistrationFields): RegistrationRecord {
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

type SnapshotRow = {
  birth_date: string;
  id_type: string;
  photo_on_file: boolean;
  signature_on_file: boolean;
  social_insurance_anomaly: boolean;
  qualifications: {
    programCode: string;
    specialty: string;
    issuedOn: string;
    provinceCode: string | null;
    certificateNumber: string | null;
  }[];
  registrations: RegistrationFields[];
  applications: {
    id: string;
    programCode: string;
    type: ApplicationRow["type"];
    specialty: string | null;
    status: ApplicationRow["status"];
  }[];
  ce: { trainingDate: string; category: string; hours: number; specialtyCode: string | null; provider: string }[];
  employer: { id: string; name: string; kind: string; provinceCode: string } | null;
};

/**
 * Everything the engine needs to judge what a person may file (eligibility), in ONE statement: the person with their
 * qualifications, registrations, applications, 继续教育 and employer as JSON sub-selects on indexed person_id columns.
 * It was six round trips per 保存 and per signature (issue 12); dates stay 'YYYY-MM-DD' strings as the engine wants.
 */
export async function loadPersonSnapshot(db: Executor, personId: string, programCode: string): Promise<PersonSnapshot> {
  const { rows } = await db.execute(
    sql`select ${snapshotColumns(sql`${programCode}`)} from people p where p.id = ${personId}`,
  );
  const person = rows[0] as SnapshotRow | undefined;
  if (!person) throw new Error(`person ${personId} not found`);
  return toSnapshot(personId, programCode, person);
}

/** An application's identity columns with its applicant's snapshot, in one statement (保存 needs both). */
export async function loadApplicationWithSnapshot(db: Executor, applicationId: string) {
  const { rows } = await db.execute(
    sql.join([
      sql`
    select a.id as application_id, a.person_id, a.program_code, a.type, a.specialty_code, a.status,`,
      sql` ${snapshotColumns(sql`a.program_code`)}
    from applications a join people p on p.id = a.person_id where a.id = ${applicationId}`,
    ]),
  );
  const row = rows[0] as
    | (SnapshotRow & {
        application_id: string;
        person_id: string;
        program_code: string;
        type: ApplicationRow["type"];
        specialty_code: string | null;
        status: ApplicationRow["status"];
      })
    | undefined;
  if (!row) return null;
  return {
    application: {
      id: row.application_id,
      personId: row.person_id,
      programCode: row.program_code,
      type: row.type,
      specialtyCode: row.specialty_code,
      status: row.status,
    },
    snapshot: toSnapshot(row.person_id, row.program_code, row),
  };
}

/**
 * 保存 (issue 12, at most 6 statements per save including the session read): the applicant's OWN application — the
 * whole row, so the transition need not read it again —, the applicant's snapshot and the qualification the form
 * shows, in ONE statement. Ownership is part of the WHERE: another person's application is simply not found.
 * The sub-selects name the outer row as `applications.…` on purpose: drizzle writes a lone table's columns unqualified,
 * and an unqualified "person_id" inside `from qualifications q` would be q's own column.
 */
/** The last link of an application's audit chain (seq and hash), or null while it has none. */
export type LastEvent = { seq: number; hash: string };

/**
 * The chain's last link as a column of a statement over `applications`. Spelled out: drizzle renders a column
 * unqualified inside RETURNING, where `id` would mean application_events.id. Read with the row outside a lock (保存,
 * issue 12), it may be chained onto only by a write conditional on the version read with it: every event comes with
 * a version bump, so a link that is no longer the last means the version moved and the write matches no row.
 */
export function lastEventOfApplication() {
  return sql<LastEvent | null>`(select json_build_object('seq', e.seq, 'hash', e.hash) from application_events e
    where e.application_id = "applications"."id" order by e.seq desc limit 1)`;
}

export async function loadOwnApplicationForSave(db: Executor, applicationId: string, personId: string) {
  const [row] = await ownApplicationForSave(db).execute({ applicationId, personId });
  if (!row) return null;
  const { snapshot, qualification, lastEvent, ...application } = row;
  return {
    application,
    snapshot: toSnapshot(application.personId, application.programCode, snapshot),
    qualification,
    lastEvent,
  };
}

/**
 * Built once per database handle and sent as a named prepared statement: its many sub-selects cost drizzle ≈ 0.3 ms
 * to build and PostgreSQL about as much to parse and plan, on every 保存 (issue 12). Looked up by primary key and
 * owner, so the generic plan PostgreSQL may settle on is the plan it would choose anyway.
 */
const ownApplicationForSave = (db: Executor) =>
  builtOnce(db, "own-application-for-save", () => {
    const a = s.applications;
    return db
      .select({
        ...getTableColumns(a),
        snapshot: sql<SnapshotRow>`(select row_to_json(x) from (
          select ${snapshotColumns(sql`applications.program_code`)} from people p where p.id = applications.person_id
        ) x)`,
        qualification: sql<{ managementNo: string; approvalDate: string } | null>`(select json_build_object(
          'managementNo', q.management_no, 'approvalDate', q.approval_date) from qualifications q
          where q.person_id = applications.person_id and q.program_code = applications.program_code
            and q.specialty_code = applications.specialty_code
          limit 1)`,
        lastEvent: lastEventOfApplication(),
      })
      .from(a)
      .where(and(eq(a.id, sql.placeholder("applicationId")), eq(a.personId, sql.placeholder("personId"))))
      .prepare("own_application_for_save");
  });

/** The person's columns for the snapshot; `programCode` picks the registration whose employer is the person's. */
const snapshotColumns = (programCode: SQL) =>
  sql.join([
    sql`p.birth_date::text as birth_date, p.id_type, p.photo_file_id is not null as photo_on_file,
           p.signature_file_id is not null as signature_on_file, p.social_insurance_anomaly,
           (select coalesce(json_agg(json_build_object('programCode', q.program_code, 'specialty', q.specialty_code,
                     'issuedOn', coalesce(q.issue_date, q.approval_date), 'provinceCode', q.obtained_province_code,
                     'certificateNumber', q.certificate_no)), '[]') from qualifications q where q.person_id = `,
    sql`p.id) as qualifications,
           (select coalesce(json_agg(json_build_object('id', r.id, 'personId', r.person_id, 'programCode', `,
    sql`r.program_code,
                     'specialtyCode', r.specialty_code, 'registrationNo', r.registration_no, 'sealNo', r.seal_no,
                     'sealSequence', r.seal_sequence, 'employerId', r.employer_id, 'employerProvinceCode', `,
    sql`r.employer_province_code,
                     'status', r.status, 'validFrom', r.valid_from, 'validTo', r.valid_to)), '[]')
              from registrations r where r.person_id = p.id) as registrations,
           (select coalesce(json_agg(json_build_object('id', a.id, 'programCode', a.program_code, 'type', a.type,
                     'specialty', a.specialty_code, 'status', a.status)), '[]') from applications a where `,
    sql`a.person_id = p.id) as applications,
           (select coalesce(json_agg(json_build_object('trainingDate', c.training_date, 'category', c.category, `,
    sql`'hours', c.hours,
                     'specialtyCode', c.specialty_code, 'provider', c.provider)), '[]')
              from continuing_education c where c.person_id = p.id) as ce,
           (select json_build_object('id', e.id, 'name', e.name, 'kind', e.kind, 'provinceCode', e.province_code)
              from employers e
              -- The employer is the registration's for a registered person: the profile's changes only through 变更注册.
              where e.id = coalesce((select r.employer_id from registrations r where r.person_id = p.id
                                       and r.program_code = ${programCode} and r.status in ('active', 'suspended')
                                       and r.employer_id is not null limit 1), p.employer_id)) as employer`,
  ]);

function toSnapshot(personId: string, programCode: string, person: SnapshotRow): PersonSnapshot {
  const emp = person.employer;
  const employerSnapshot: EmployerSnapshot | null = emp
    ? { id: emp.id, name: emp.name, kind: emp.kind as EmployerKind, provinceCode: emp.provinceCode, verified: true }
    : null;
  return {
    personId,
    birthDate: person.birth_date as IsoDate,
    qualifications: person.qualifications.map(
      (q): Qualification => ({
        programCode: q.programCode as ProgramCode,
        specialty: q.specialty,
        issuedOn: q.issuedOn as IsoDate,
        provinceCode: q.provinceCode,
        certificateNumber: q.certificateNumber ?? undefined,
      }),
    ),
    registrations: person.registrations.map(toRegistrationRecord),
    applications: person.applications.map((a) => ({ ...a, specialty: a.specialty })),
    ceRecords: person.ce.map(
      (c): CeRecord => ({
        date: c.trainingDate as IsoDate,
        compulsoryHours: c.category === "required" ? c.hours : 0,
        electiveHours: c.category === "elective" ? c.hours : 0,
        specialty: c.specialtyCode,
        provider: c.provider,
      }),
    ),
    photoOnFile: person.photo_on_file,
    signatureOnFile: person.signature_on_file,
    employer: employerSnapshot,
    socialInsuranceAnomaly: person.social_insurance_anomaly,
    route: routeFor(person.id_type, programCode),
    // 变更注册's new employer is picked in its form; an application's own snapshot comes from snapshotForApplication.
    newEmployerPending: true,
  };
}

/** The review route is program data (`routeByIdType`): e.g. 香港测量师互认证号 holders file on 一级造价's 香港地区 route. */
export function routeFor(idType: string, programCode: string): RouteCode {
  const route = findProgram(programCode)?.routeByIdType?.[idType];
  return route && findProgram(programCode)?.reviewRoutes[route] ? route : "default";
}

export async function findRegistrations(db: Executor, personId: string, programCode: string) {
  return db
    .select()
    .from(s.registrations)
    .where(and(eq(s.registrations.personId, personId), eq(s.registrations.programCode, programCode)));
}
