import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/server/auth";
import { actorFromUser } from "@/lib/services/actor";
import { readFile } from "@/lib/services/documents/read-file";
import { ServiceError } from "@/lib/services/errors";

/** Every stored file is served here and only here: authorized per request, never cached by shared caches. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response("未登录或会话已过期，请重新登录。", { status: 404 });
  const { id } = await params;
  try {
    const file = await readFile(getDb(), actorFromUser(user), id);
    const download = new URL(request.url).searchParams.get("download") === "1";
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Length": String(file.bytes.byteLength),
        "Content-Disposition":
          `${download ? "attachment" : "inline"}; ` + `filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    if (e instanceof ServiceError && e.kind === "not_found")
      return new Response("文件不存在或您无权查看。", { status: 404 });
    throw e;
  }
}
