/**
 * 导出 Excel: the rows of a reviewer queue with the same filters as the list, read page by page through the
 * benchmarked keyset `authorityQueue` so that an export of 100 000 rows never holds more than one batch.
 */
import type { Executor } from "@/db/client";
import { APPLICATION_TYPE_LABELS } from "@/lib/domain/application-types";
import { findProgram, findSpecialty } from "@/lib/domain/programs";
import { STATUS_LABELS } from "@/lib/domain/transitions";
import { authorityQueue, decodeCursor, type Cursor, type QueueFilters } from "./queues";

export type ExportRow = {
  acceptanceNo: string;
  personName: string;
  idNumber: string;
  program: string;
  specialty: string;
  type: string;
  status: string;
  submittedAt: Date | null;
  decidedAt: Date | null;
};

const EXPORT_BATCH = 2000;

export async function* authorityQueueRows(
  db: Executor,
  authorityId: string,
  filters: QueueFilters,
  batch = EXPORT_BATCH,
): AsyncGenerator<ExportRow> {
  let cursor: Cursor | null = null;
  do {
    const page = await authorityQueue(db, authorityId, filters, cursor, batch);
    for (const r of page.rows) {
      const program = r.programCode ? findProgram(r.programCode) : undefined;
      yield {
        acceptanceNo: r.acceptanceNo ?? "",
        personName: r.personName ?? "",
        idNumber: r.personIdNumber ?? "",
        program: program?.name ?? r.programCode ?? "",
        specialty: program && r.specialtyCode ? (findSpecialty(program, r.specialtyCode)?.name ?? r.specialtyCode) : "",
        type: r.type ? APPLICATION_TYPE_LABELS[r.type] : "",
        status: r.status ? STATUS_LABELS[r.status] : "",
        submittedAt: r.submittedAt,
        decidedAt: r.decidedAt,
      };
    }
    cursor = decodeCursor(page.nextCursor);
  } while (cursor);
}
