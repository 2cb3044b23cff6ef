/**
 * 待企业确认 (M1) and 企业已确认查询 (M3). The pending list walks the benchmarked `employerQueue`; the confirmed list
 * walks the partial (employer_id, applicant_signed_at DESC, id DESC) WHERE employer_signed_at IS NOT NULL index.
 * Each page then loads its own rows in full with one `id in (…)` query (no N+1) for the labels the lists show.
 */
import { and, eq, gte, inArray, isNotNull, lte, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applications, authorities, people } from "@/db/schema";
import { getProgram } from "@/lib/domain/programs";
import { statusLabel } from "@/lib/domain/application";
import { APPLICATION_TYPE_LABELS } from "@/lib/domain/application-types";
import type { ApplicationStatus, ApplicationType } from "@/lib/domain/types";
import { toDomainApplication } from "@/db/rows/application-rows";
import { PAGE_SIZE, afterCursor, nameContains, employerQueue, encodeCursor, type Cursor } from "./queues";

/** What the employer acts on: signed forms waiting for 签名确认, and withdrawals waiting for consent (W2). */
export const EMPLOYER_PENDING_STATUSES = [
  "signed",
  "withdrawal_requested",
] as const satisfies readonly ApplicationStatus[];

export type EmployerFilters = {
  name?: string;
  idNumber?: string;
  type?: ApplicationType;
  /** 个人签名时间 range, YYYY-MM-DD inclusive (China time). */
  from?: string;
  to?: string;
};

export type EmployerListRow = {
  id: string;
  version: number;
  status: ApplicationStatus;
  categoryLabel: string;
  typeLabel: string;
  acceptanceNo: string | null;
  personName: string;
  personIdNumber: string;
  createdAt: Date;
  applicantSignedAt: Date | null;
  employerSignedAt: Date | null;
  submittedAt: Date | null;
  statusLabel: string;
  authorityName: string | null;
  formPdfFileId: string | null;
};

async function enrich(db: Executor, ids: string[]): Promise<EmployerListRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      app: applications,
      personName: people.name,
      personIdNumber: people.idNumber,
      authorityName: authorities.name,
    })
    .from(applications)
    .innerJoin(people, eq(people.id, applications.personId))
    .leftJoin(authorities, eq(authorities.id, applications.authorityId))
    .where(inArray(applications.id, ids));
  const byId = new Map(rows.map((r) => [r.app.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const program = getProgram(r.app.programCode);
    return [
      {
        id,
        version: r.app.version,
        status: r.app.status,
        categoryLabel: `${program.name}${APPLICATION_TYPE_LABELS[r.app.type]}`,
        typeLabel: APPLICATION_TYPE_LABELS[r.app.type],
        acceptanceNo: r.app.acceptanceNo,
        personName: r.personName,
        personIdNumber: r.personIdNumber,
        createdAt: r.app.createdAt,
        applicantSignedAt: r.app.applicantSignedAt,
        employerSignedAt: r.app.employerSignedAt,
        submittedAt: r.app.submittedAt,
        statusLabel: statusLabel(toDomainApplication(r.app), program),
        authorityName: r.authorityName,
        formPdfFileId: r.app.formPdfFileId,
      },
    ];
  });
}

/** 姓名 and 证件号 are separate filters here; the queue takes one `who` (an ID number is exact, so it wins). */
function who(f: EmployerFilters): string | undefined {
  return f.idNumber?.trim() || f.name?.trim() || undefined;
}

/** M1 待企业确认: newest 个人签名时间 first. */
export async function employerPendingPage(
  db: Executor,
  employerId: string,
  f: EmployerFilters,
  cursor: Cursor | null,
  limit = PAGE_SIZE,
) {
  const page = await employerQueue(
    db,
    employerId,
    { statuses: EMPLOYER_PENDING_STATUSES, type: f.type, from: f.from, to: f.to, who: who(f) },
    cursor,
    limit,
  );
  let rows = await enrich(
    db,
    page.rows.map((r) => r.id),
  );
  const name = f.name?.trim();
  if (name && f.idNumber?.trim()) rows = rows.filter((r) => r.personName.includes(name));
  return { rows, nextCursor: page.nextCursor };
}

/**
 * M3 企业已确认查询: everything this employer has countersigned, and its staff's forced cancellations (K2), with their
 * progress.
 */
export async function employerConfirmedPage(
  db: Executor,
  employerId: string,
  f: EmployerFilters & { statuses?: readonly ApplicationStatus[] },
  cursor: Cursor | null,
  limit = PAGE_SIZE,
) {
  const conditions: SQL[] = [
    eq(applications.employerId, employerId),
    // K2: a forced cancellation never waits for the employer's signature, but the employer follows it here read-only.
    // Written exactly as the partial index applications_employer_confirmed_idx is, so the planner can use it.
    sql`(${applications.employerSignedAt} is not null or ${applications.forcedCancellation} = true)`,
    isNotNull(applications.applicantSignedAt),
  ];
  if (f.statuses?.length) conditions.push(inArray(applications.status, [...f.statuses]));
  if (f.type) conditions.push(eq(applications.type, f.type));
  if (f.from) conditions.push(gte(applications.applicantSignedAt, new Date(`${f.from}T00:00:00+08:00`)));
  if (f.to) conditions.push(lte(applications.applicantSignedAt, new Date(`${f.to}T23:59:59.999+08:00`)));
  const idNumber = f.idNumber?.trim();
  if (idNumber) conditions.push(eq(people.idNumber, idNumber.toUpperCase()));
  const name = f.name?.trim();
  if (name) conditions.push(nameContains(name));
  if (cursor) conditions.push(afterCursor(applications.applicantSignedAt, cursor));
  const found = await db
    .select({ id: applications.id, at: applications.applicantSignedAt })
    .from(applications)
    .innerJoin(people, eq(people.id, applications.personId))
    .where(and(...conditions))
    .orderBy(sql`${applications.applicantSignedAt} desc nulls last`, sql`${applications.id} desc nulls last`)
    .limit(limit + 1);
  const shown = found.slice(0, limit);
  const last = shown.at(-1);
  return {
    rows: await enrich(
      db,
      shown.map((r) => r.id),
    ),
    nextCursor: found.length > limit && last?.at ? encodeCursor({ at: last.at.toISOString(), id: last.id }) : null,
  };
}
