/**
 * 公示公告 on the public site: every published batch of every authority, with personal data masked as the seeds
 * print it (the public sees 王*, 3101**********0012; reviewers keep the full list in their own system).
 */
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applications, authorities, employers, noticeItems, notices, people } from "@/db/schema";
import { APPLICATION_TYPE_LABELS } from "@/lib/domain/application-types";
import { maskIdNumber, maskName } from "@/lib/domain/masking";
import { findProgram, findSpecialty } from "@/lib/domain/programs";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type PublicitySearch = { q?: string; authority?: string; page: number; pageSize: number };

function conditions(s: Pick<PublicitySearch, "q" | "authority">): SQL | undefined {
  const out: SQL[] = [eq(notices.kind, "publicity")];
  if (s.authority && UUID.test(s.authority)) out.push(eq(notices.authorityId, s.authority));
  const k = s.q?.trim().slice(0, 40);
  if (k) {
    const like = `%${k.replace(/[%_\\]/g, "\\$&")}%`;
    // A 受理编号 finds the batch that lists it; anything else searches the title and body.
    out.push(
      or(
        ilike(notices.title, like),
        ilike(notices.body, like),
        sql.join([
          sql`exists (select 1 from ${noticeItems} ni join ${applications} a on a.id = ni.application_id `,
          sql`where ni.notice_id = ${notices.id} and a.acceptance_no = ${k.toUpperCase()})`,
        ]),
      )!,
    );
  }
  return and(...out);
}

export async function publicityPage(db: Executor, s: PublicitySearch) {
  const where = conditions(s);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: notices.id,
        title: notices.title,
        publishedAt: notices.publishedAt,
        endsOn: notices.endsOn,
        authorityName: authorities.name,
        items: sql<number>`(select count(*)::int from ${noticeItems} ni where ni.notice_id = ${notices.id})`,
      })
      .from(notices)
      .innerJoin(authorities, eq(authorities.id, notices.authorityId))
      .where(where)
      .orderBy(desc(notices.publishedAt), desc(notices.id))
      .limit(s.pageSize)
      .offset((s.page - 1) * s.pageSize),
    db.select({ n: count() }).from(notices).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function latestPublicity(db: Executor, limit = 6) {
  return (await publicityPage(db, { page: 1, pageSize: limit })).rows;
}

/** Authorities that have published at least one 公示, for the search form's select. */
export async function publicityAuthorities(db: Executor) {
  return db
    .selectDistinct({ id: authorities.id, name: authorities.name })
    .from(authorities)
    .innerJoin(notices, eq(notices.authorityId, authorities.id))
    .where(eq(notices.kind, "publicity"))
    .orderBy(asc(authorities.name));
}

export async function publicityDetail(db: Executor, id: string) {
  if (!UUID.test(id)) return null;
  const [notice] = await db
    .select({
      id: notices.id,
      title: notices.title,
      body: notices.body,
      publishedAt: notices.publishedAt,
      endsOn: notices.endsOn,
      authorityName: authorities.name,
    })
    .from(notices)
    .innerJoin(authorities, eq(authorities.id, notices.authorityId))
    .where(and(eq(notices.id, id), eq(notices.kind, "publicity")));
  if (!notice) return null;
  const rows = await db
    .select({
      acceptanceNo: applications.acceptanceNo,
      programCode: applications.programCode,
      specialtyCode: applications.specialtyCode,
      type: applications.type,
      outcome: sql<"pass" | "fail" | null>`${applications.notice}->>'outcome'`,
      name: people.name,
      idNumber: people.idNumber,
      employerName: employers.name,
    })
    .from(noticeItems)
    .innerJoin(applications, eq(applications.id, noticeItems.applicationId))
    .innerJoin(people, eq(people.id, applications.personId))
    .leftJoin(employers, eq(employers.id, applications.employerId))
    .where(inArray(noticeItems.noticeId, [id]))
    .orderBy(asc(applications.acceptanceNo));
  const items = rows.map((r) => {
    const program = findProgram(r.programCode);
    const specialty = program && r.specialtyCode ? findSpecialty(program, r.specialtyCode)?.name : undefined;
    return {
      // Only masked values leave this function: the page cannot show what it never receives.
      name: maskName(r.name),
      idNumber: maskIdNumber(r.idNumber),
      acceptanceNo: r.acceptanceNo,
      program: program?.name ?? r.programCode,
      specialty: specialty ?? null,
      type: APPLICATION_TYPE_LABELS[r.type],
      employerName: r.employerName,
      outcome: r.outcome === "pass" ? "合格" : r.outcome === "fail" ? "不合格" : "—",
    };
  });
  return { ...notice, items };
}
