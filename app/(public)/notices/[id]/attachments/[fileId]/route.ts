import { getDb } from "@/db/client";
import { publicAttachmentFile } from "@/lib/queries/public-announcements";

export const dynamic = "force-dynamic";

/** Public download of a published notice's attachment; withdrawn notices' files answer 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; fileId: string }> }) {
  const { id, fileId } = await params;
  const file = await publicAttachmentFile(getDb(), id, fileId);
  if (!file) return new Response("附件不存在或所属公告已撤回。", { status: 404 });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.bytes.byteLength),
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": "no-cache",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
