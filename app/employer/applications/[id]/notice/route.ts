import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/server/auth";
import { actorFromUser } from "@/lib/services/actor";
import { acceptanceNoticeFile } from "@/lib/services/documents/acceptance-notice";
import { ServiceError } from "@/lib/services/errors";

/**
 * 打印行政审批受理通知书 (F3, M3): made on first request by the service (authorized: the same audience as the signed
 * form), then the browser is sent to the stored file. If it cannot be made yet, back to the application with why.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  const { id } = await params;
  if (!user || user.role !== "employer") return new Response("页面不存在或您无权查看。", { status: 404 });
  try {
    const fileId = await acceptanceNoticeFile(getDb(), actorFromUser(user), id);
    return Response.redirect(new URL(`/files/${fileId}`, request.url), 303);
  } catch (e) {
    if (!(e instanceof ServiceError)) throw e;
    if (e.kind === "not_found") return new Response("页面不存在或您无权查看。", { status: 404 });
    return Response.redirect(new URL(`/employer/applications/${id}?notice=unavailable`, request.url), 303);
  }
}
