/**
 * 待企业确认 (M1) and 企业已确认查询 (M3). The pending list walks the benchmarked `employerQueue`; the confirmed list
 * walks the partial (employer_id, applicant_signed_at DESC, id DESC) WHERE employer_signed_at IS NOT NULL index.
 * Each page is one statement that selects what the list shows (person, authority, the status label's columns).
 */
import type { Executor } from "@/db/client";
import { getProgram } from "@/lib/domain/programs";
import { APPLICATION_TYPE_LABELS } from "@/lib/domain/application-types";
import type { ApplicationStatus, ApplicationType } from "@/lib/domain/types";
import {
  PAGE_SIZE,
  employerConfirmedQueue,
  employerQueue,
  rowStatusLabel,
  type Cursor,
  type EmployerQueueRow,
} from "./queues";

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

function listRow(r: EmployerQueueRow): EmployerListRow {
  const program = getProgram(r.programCode!);
  return {
    id: r.id,
    version: r.version!,
    status: r.status!,
    categoryLabel: `${program.name}${APPLICATION_TYPE_LABELS[r.type!]}`,
    typeLabel: APPLICATION_TYPE_LABELS[r.type!],
    acceptanceNo: r.acceptanceNo,
    personName: r.personName!,
    personIdNumber: r.personIdNumber!,
    createdAt: r.createdAt!,
    applicantSignedAt: r.applicantSignedAt,
    employerSignedAt: r.employerSignedAt,
    submittedAt: r.submittedAt,
    statusLabel: rowStatusLabel(r, program),
    authorityName: r.authorityName,
    formPdfFileId: r.formPdfFileId,
  };
}

/** M1 待企业确认: newest 个人签名时间 first; one statement (rows with their labels' columns). */
export async function employerPendingPage(
  db: Executor,
  employerId: string,
  f: EmployerFilters,
  cursor: Cursor | null,
  limit = PAGE_SIZE,
) {
  const page = await employerQueue(db, employerId, { ...f, statuses: EMPLOYER_PENDING_STATUSES }, cursor, limit);
  return { rows: page.rows.map(listRow), nextCursor: page.nextCursor };
}

/**
 * M3 企业已确认查询: everything this employer has countersigned, and its staff's forced cancellations (K2), with their
 * progress; one statement.
 */
export async function employerConfirmedPage(
  db: Executor,
  employerId: string,
  f: EmployerFilters & { statuses?: readonly ApplicationStatus[] },
  cursor: Cursor | null,
  limit = PAGE_SIZE,
) {
  const page = await employerConfirmedQueue(db, employerId, f, cursor, limit);
  return { rows: page.rows.map(listRow), nextCursor: page.nextCursor };
}
