/** 公示公告: this authority's notices, and its 公示中 applications not yet listed in one. */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applications, noticeItems, notices, people } from "@/db/schema";
import { APPLICATION_TYPE_LABELS } from "@/lib/domain/application-types";
import { findSpecialty, getProgram } from "@/lib/domain/programs";

export async function authorityNotices(db: Executor, authorityId: string, limit = 50) {
  const list = await db
    .select({
      id: notices.id,
      title: notices.title,
      body: notices.body,
      kind: notices.kind,
      publishedAt: notices.publishedAt,
      endsOn: notices.endsOn,
    })
    .from(notices)
    .where(eq(notices.authorityId, authorityId))
    .orderBy(desc(notices.publishedAt))
    .limit(limit);
  const ids = list.map((n) => n.id);
  const items = ids.length
    ? await db
        .select({ noticeId: noticeItems.noticeId, name: people.name, acceptanceNo: applications.acceptanceNo })
        .from(noticeItems)
        .innerJoin(applications, eq(applications.id, noticeItems.applicationId))
        .innerJoin(people, eq(people.id, applications.personId))
        .where(inArray(noticeItems.noticeId, ids))
    : [];
  return list.map((n) => {
    const mine = items.filter((i) => i.noticeId === n.id);
    return { ...n, items: mine.length, names: mine.map((i) => i.name).join("、") || null };
  });
}

export async function unlistedPublicized(db: Executor, authorityId: string, limit = 200) {
  const rows = await db
    .select({
      id: applications.id,
      acceptanceNo: applications.acceptanceNo,
      type: applications.type,
      programCode: applications.programCode,
      specialtyCode: applications.specialtyCode,
      notice: applications.notice,
      personName: people.name,
    })
    .from(applications)
    .innerJoin(people, eq(people.id, applications.personId))
    .where(
      and(
        eq(applications.authorityId, authorityId),
        eq(applications.status, "publicized"),
        sql`not exists (select 1 from notice_items ni where ni.application_id = ${applications.id})`,
      ),
    )
    .orderBy(desc(applications.submittedAt))
    .limit(limit);
  return rows.map((r) => {
    const program = getProgram(r.programCode);
    return {
      id: r.id,
      acceptanceNo: r.acceptanceNo,
      personName: r.personName,
      label:
        `${program.name}${APPLICATION_TYPE_LABELS[r.type]}` +
        `${r.specialtyCode ? `（${findSpecialty(program, r.specialtyCode)?.name ?? r.specialtyCode}）` : ""}`,
      outcome: r.notice?.outcome ?? null,
    };
  });
}

/** The latest published notice that lists this application (公示期满办结 waits for its last day), or null. */
export async function noticeListing(db: Executor, applicationId: string) {
  const [row] = await db
    .select({ title: notices.title, endsOn: notices.endsOn })
    .from(noticeItems)
    .innerJoin(notices, eq(notices.id, noticeItems.noticeId))
    .where(and(eq(noticeItems.applicationId, applicationId), eq(notices.kind, "publicity")))
    .orderBy(desc(notices.publishedAt))
    .limit(1);
  return row ?? null;
}
