/** 人员管理 (M4): the employer's staff records, the authority's review queue, and the registrations a record links to. */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { authorities, employers, personnelRecords, registrations } from "@/db/schema";
import {
  canEditPersonnel,
  PERSONNEL_STATUS_LABELS,
  type PersonnelData,
  type PersonnelStatus,
} from "@/lib/domain/personnel";
import { findSpecialty, getProgram } from "@/lib/domain/programs";
import { REGISTRATION_STATUS_LABELS } from "./labels";

const UUID = /^[0-9a-f-]{36}$/i;

export type PersonnelRow = {
  id: string;
  version: number;
  name: string;
  idNumber: string;
  title: string;
  education: string;
  status: PersonnelStatus;
  statusLabel: string;
  reviewOpinion: string | null;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  employerName?: string;
};

type Rec = typeof personnelRecords.$inferSelect;

function toRow(r: Rec, employerName?: string): PersonnelRow {
  const d = r.data as PersonnelData;
  return {
    id: r.id,
    version: r.version,
    name: d.name,
    idNumber: r.idNumber,
    title: d.title,
    education: d.education,
    status: r.status,
    statusLabel: PERSONNEL_STATUS_LABELS[r.status],
    reviewOpinion: r.reviewOpinion,
    submittedAt: r.submittedAt,
    reviewedAt: r.reviewedAt,
    employerName,
  };
}

export async function employerPersonnel(db: Executor, employerId: string, limit = 500): Promise<PersonnelRow[]> {
  const rows = await db
    .select()
    .from(personnelRecords)
    .where(eq(personnelRecords.employerId, employerId))
    .orderBy(desc(personnelRecords.updatedAt))
    .limit(limit);
  return rows.map((r) => toRow(r));
}

/** A person's registrations (any employer, any status), each linked to its public verification page. */
async function registrationsOf(db: Executor, personId: string | null) {
  if (!personId) return [];
  const regs = await db
    .select()
    .from(registrations)
    .where(eq(registrations.personId, personId))
    .orderBy(desc(registrations.validTo))
    .limit(50);
  return regs.map((r) => {
    const program = getProgram(r.programCode);
    return {
      id: r.id,
      label: `${program.name} ${findSpecialty(program, r.specialtyCode)?.name ?? r.specialtyCode}`,
      registrationNo: r.registrationNo,
      employerName: r.employerName,
      validTo: r.validTo,
      statusLabel: REGISTRATION_STATUS_LABELS[r.status],
      href: `/verify/${encodeURIComponent(r.registrationNo)}`,
    };
  });
}

export type PersonnelDetail = PersonnelRow & {
  data: PersonnelData;
  reviewerName: string | null;
  editable: boolean;
  registrations: Awaited<ReturnType<typeof registrationsOf>>;
};

async function detail(db: Executor, r: Rec, employerName?: string): Promise<PersonnelDetail> {
  return {
    ...toRow(r, employerName),
    data: r.data as PersonnelData,
    reviewerName: r.reviewerName,
    editable: canEditPersonnel(r.status),
    registrations: await registrationsOf(db, r.personId),
  };
}

export async function employerPersonnelRecord(
  db: Executor,
  employerId: string,
  id: string,
): Promise<PersonnelDetail | null> {
  if (!UUID.test(id)) return null;
  const [r] = await db
    .select()
    .from(personnelRecords)
    .where(and(eq(personnelRecords.id, id), eq(personnelRecords.employerId, employerId)));
  return r ? detail(db, r) : null;
}

/** Records of employers in the reviewer's province; `submitted` is the queue, the others are 已审核. */
export async function personnelReviewQueue(
  db: Executor,
  authorityId: string,
  statuses: PersonnelStatus[] = ["submitted"],
  limit = 200,
) {
  const rows = await db
    .select({ r: personnelRecords, employerName: employers.name })
    .from(personnelRecords)
    .innerJoin(employers, eq(employers.id, personnelRecords.employerId))
    .innerJoin(authorities, eq(authorities.provinceCode, employers.provinceCode))
    .where(and(eq(authorities.id, authorityId), inArray(personnelRecords.status, statuses)))
    .orderBy(statuses.includes("submitted") ? asc(personnelRecords.submittedAt) : desc(personnelRecords.reviewedAt))
    .limit(limit);
  return rows.map(({ r, employerName }) => toRow(r, employerName));
}

export async function personnelRecordForReview(
  db: Executor,
  authorityId: string,
  id: string,
): Promise<PersonnelDetail | null> {
  if (!UUID.test(id)) return null;
  const [row] = await db
    .select({ r: personnelRecords, employerName: employers.name })
    .from(personnelRecords)
    .innerJoin(employers, eq(employers.id, personnelRecords.employerId))
    .innerJoin(authorities, eq(authorities.provinceCode, employers.provinceCode))
    .where(
      and(
        eq(personnelRecords.id, id),
        eq(authorities.id, authorityId),
        inArray(personnelRecords.status, ["submitted", "approved", "returned"]),
      ),
    );
  return row ? detail(db, row.r, row.employerName) : null;
}
