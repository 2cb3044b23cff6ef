import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { chinaDate } from "@/lib/server/clock";
import type { Actor } from "../actor";
import { invalid, notFound, refused } from "../errors";

export type PublishNoticeBatchInput = {
  title: string;
  body?: string;
  /** 公示截止日期, YYYY-MM-DD (China time), today or later. */
  endsOn: string;
  applicationIds: string[];
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * 公示公告 (W6): one notice listing a batch of this authority's 公示中 applications — `notices` and `notice_items`
 * in one transaction. Authority-scoped: an application of another authority (or not 公示中) is refused as not found,
 * and one already listed in a notice cannot be listed twice.
 */
export async function publishNoticeBatch(db: Database, actor: Actor, input: PublishNoticeBatchInput, now = new Date()) {
  if (actor.role !== "reviewer" || !actor.authorityId) throw notFound("notice");
  const authorityId = actor.authorityId;
  const title = input.title.trim();
  const body = input.body?.trim() || null;
  const ids = [...new Set(input.applicationIds)];
  const fieldErrors: Record<string, string> = {};
  if (!title) fieldErrors.title = "请填写公示标题";
  else if (title.length > 200) fieldErrors.title = "公示标题不超过200字";
  if (body && body.length > 5000) fieldErrors.body = "公示内容不超过5000字";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.endsOn) || Number.isNaN(Date.parse(input.endsOn)))
    fieldErrors.endsOn = "请选择公示截止日期";
  else if (input.endsOn < chinaDate(now)) fieldErrors.endsOn = "公示截止日期不能早于今天";
  if (ids.length === 0) fieldErrors.applicationIds = "请至少选择一项公示中的申请";
  if (ids.some((id) => !UUID.test(id))) throw notFound("selectedApplications");
  if (Object.keys(fieldErrors).length) throw invalid("请按提示补全公示信息后再发布。", fieldErrors);

  return db.transaction(async (tx) => {
    // Lock the rows so a concurrent conclusion or a second notice sees this one.
    const apps = await tx
      .select({ id: s.applications.id, status: s.applications.status, acceptanceNo: s.applications.acceptanceNo })
      .from(s.applications)
      .where(and(inArray(s.applications.id, ids), eq(s.applications.authorityId, authorityId)))
      .for("update");
    if (apps.length !== ids.length) throw notFound("selectedApplications");
    const notPublicized = apps.filter((a) => a.status !== "publicized");
    if (notPublicized.length) {
      throw refused(
        `以下申请已不在公示中，不能列入公示：${notPublicized.map((a) => a.acceptanceNo ?? a.id.slice(0, 8)).join("、")}。请刷新页面后重新选择。`,
      );
    }
    const listed = await tx
      .select({ applicationId: s.noticeItems.applicationId, title: s.notices.title })
      .from(s.noticeItems)
      .innerJoin(s.notices, eq(s.notices.id, s.noticeItems.noticeId))
      .where(inArray(s.noticeItems.applicationId, ids));
    if (listed.length) {
      const no = new Map(apps.map((a) => [a.id, a.acceptanceNo ?? a.id.slice(0, 8)]));
      throw refused(
        `以下申请已列入公示，不能重复公示：${listed.map((l) => `${no.get(l.applicationId)}（${l.title}）`).join("、")}。请刷新页面后重新选择。`,
      );
    }
    const [notice] = await tx
      .insert(s.notices)
      .values({
        authorityId,
        kind: "publicity",
        title,
        body,
        endsOn: input.endsOn,
        publishedAt: now,
        createdBy: actor.userId || null,
      })
      .returning();
    await tx.insert(s.noticeItems).values(ids.map((applicationId) => ({ noticeId: notice!.id, applicationId })));
    return { notice: notice!, items: ids.length };
  });
}
