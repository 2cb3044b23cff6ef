/** 单位名称变更 (R4): the employer's changes, and the authority's queue of changes to decide. */
import { and, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { authorities, employerNameChanges, employers, registrations } from "@/db/schema";

export const NAME_CHANGE_STATUS_LABELS = { submitted: "待审核", approved: "已通过", rejected: "不予通过" } as const;

export type NameChangeRow = {
  id: string;
  version: number;
  employerName: string;
  uscc: string;
  oldName: string;
  newName: string;
  status: keyof typeof NAME_CHANGE_STATUS_LABELS;
  statusLabel: string;
  opinion: string | null;
  deciderName: string | null;
  proofHref: string | null;
  filedAt: Date;
  decidedAt: Date | null;
  /** Registrations in force whose certificates carry the employer's name (re-synced on approval). */
  holders: number;
};

async function rows(db: Executor, where: SQL, limit: number): Promise<NameChangeRow[]> {
  const list = await db
    .select({ c: employerNameChanges, employerName: employers.name, uscc: employers.uscc })
    .from(employerNameChanges)
    .innerJoin(employers, eq(employers.id, employerNameChanges.employerId))
    .where(where)
    .orderBy(desc(employerNameChanges.createdAt))
    .limit(limit);
  const ids = [...new Set(list.map((r) => r.c.employerId))];
  const counts = ids.length
    ? await db
        .select({ employerId: registrations.employerId, n: count() })
        .from(registrations)
        .where(and(inArray(registrations.employerId, ids), inArray(registrations.status, ["active", "suspended"])))
        .groupBy(registrations.employerId)
    : [];
  return list.map(({ c, employerName, uscc }) => ({
    id: c.id,
    version: c.version,
    employerName,
    uscc,
    oldName: c.oldName,
    newName: c.newName,
    status: c.status,
    statusLabel: NAME_CHANGE_STATUS_LABELS[c.status],
    opinion: c.opinion,
    deciderName: c.deciderName,
    proofHref: c.proofFileId ? `/files/${c.proofFileId}` : null,
    filedAt: c.createdAt,
    decidedAt: c.decidedAt,
    holders: counts.find((x) => x.employerId === c.employerId)?.n ?? 0,
  }));
}

export function employerNameChangesOf(db: Executor, employerId: string, limit = 20) {
  return rows(db, eq(employerNameChanges.employerId, employerId), limit);
}

/** Changes filed by employers of the reviewer's province: `submitted` first in the page, decided ones below. */
export function nameChangeQueue(db: Executor, authorityId: string, limit = 100) {
  const province = db.select({ p: authorities.provinceCode }).from(authorities).where(eq(authorities.id, authorityId));
  return rows(db, inArray(employers.provinceCode, province), limit);
}

export async function currentEmployerName(db: Executor, employerId: string): Promise<string | null> {
  const [e] = await db.select({ name: employers.name }).from(employers).where(eq(employers.id, employerId));
  return e?.name ?? null;
}
