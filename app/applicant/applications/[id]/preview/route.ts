import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/server/auth";
import { actorFromUser } from "@/lib/services/actor";
import { previewApplicationForm } from "@/lib/services/documents/preview-application-form";
import { ServiceError } from "@/lib/services/errors";

/** 申请表预览 (unsigned, from the last save) for the applicant's own draft; never cached. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user)
    return new Response("未登录或会话已过期，请重新登录。", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const { id } = await params;
  try {
    const file = await previewApplicationForm(getDb(), actorFromUser(user), id);
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    if (e instanceof ServiceError)
      return new Response(e.messageIn(user.locale), {
        status: e.kind === "not_found" ? 404 : 409,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
    throw e;
  }
}
