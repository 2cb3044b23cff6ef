import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/server/auth";
import { actorFromUser } from "@/lib/services/actor";
import { acceptanceNoticeFile } from "@/lib/services/documents/acceptance-notice";
import { ServiceError } from "@/lib/services/errors";

/**
 * 打印行政审批受理通知书 (F3, M3): made on first request by the service (authorized: the same audience as the signed
 * form), then the browser is sent to the stored file. If it cannot be made yet, back to the application with why.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  const { id } = await params;
  if (user?.role !== "employer") return new Response("页面不存在或您无权查看。", { status: 404 });
  try {
    const fileId = await acceptanceNoticeFile(getDb(), actorFromUser(user), id);
    return seeOther(`/files/${fileId}`);
  } catch (e) {
    if (!(e instanceof ServiceError)) throw e;
    if (e.kind === "not_found") return new Response("页面不存在或您无权查看。", { status: 404 });
    return seeOther(`/employer/applications/${id}?notice=unavailable`);
  }
}

/**
 * A relative redirect: the request's own URL carries the address the server listens on (0.0.0.0 behind the in-process
 * server, or whatever Host a client sent), where the session cookie is not sent — the browser would land on a 404.
 */
function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location } });
}
