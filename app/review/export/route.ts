import { PassThrough, Readable } from "node:stream";
import { formatDateTime } from "@/components/ui/format";
import { getDb } from "@/db/client";
import { authorityQueueRows, type ExportRow } from "@/lib/queries/queue-export";
import {
  normalizeSearch,
  parseReviewFilters,
  REVIEW_TABS,
  type ReviewSearch,
  type ReviewTab,
} from "@/lib/queries/review-queues";
import { getCurrentUser } from "@/lib/server/auth";
import { writeXlsx, type XlsxColumn } from "@/lib/server/xlsx";

export const dynamic = "force-dynamic";

const COLUMNS: XlsxColumn<ExportRow>[] = [
  { header: "受理编号", width: 20, value: (r) => r.acceptanceNo },
  { header: "姓名", width: 10, value: (r) => r.personName },
  { header: "证件号码", width: 22, value: (r) => r.idNumber },
  { header: "注册项目", width: 24, value: (r) => r.program },
  { header: "专业", width: 14, value: (r) => r.specialty },
  { header: "申请事项", width: 18, value: (r) => r.type },
  { header: "状态", width: 14, value: (r) => r.status },
  { header: "申报时间", width: 18, value: (r) => (r.submittedAt ? formatDateTime(r.submittedAt) : "") },
  { header: "办结时间", width: 18, value: (r) => (r.decidedAt ? formatDateTime(r.decidedAt) : "") },
];

/**
 * 导出 Excel of a reviewer queue (待受理 / 审查中 / 已办结) with the list's own filters (same query string), streamed:
 * rows are read in keyset batches and written into the zip as they come.
 */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (user?.role !== "reviewer" || !user.authorityId)
    return new Response("未登录或会话已过期，请重新登录。", { status: 404 });
  const params = Object.fromEntries(new URL(request.url).searchParams) as ReviewSearch & { tab?: string };
  const tab = (params.tab && params.tab in REVIEW_TABS ? params.tab : "pending") as ReviewTab;
  const filters = parseReviewFilters(tab, normalizeSearch(params));
  const out = new PassThrough();
  writeXlsx(out, REVIEW_TABS[tab].label, COLUMNS, authorityQueueRows(getDb(), user.authorityId, filters)).catch((e) => {
    console.error("queue export failed", e);
    out.destroy(e instanceof Error ? e : new Error(String(e)));
  });
  const stamp = new Date().toISOString().slice(0, 10).replace(/-/g, "");
  const name = `${REVIEW_TABS[tab].label}-${stamp}.xlsx`;
  return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
