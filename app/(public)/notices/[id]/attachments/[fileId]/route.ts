import { getDb } from "@/db/client";
import { translator } from "@/lib/i18n/translate";
import { publicAttachmentFile } from "@/lib/queries/public-announcements";
import { requestLocale } from "@/lib/server/locale";

export const dynamic = "force-dynamic";

/** Public download of a published notice's attachment; withdrawn notices' files answer 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; fileId: string }> }) {
  const { id, fileId } = await params;
  const file = await publicAttachmentFile(getDb(), id, fileId);
  if (!file) {
    const t = translator(await requestLocale(), "public");
    return new Response(t("notices.attachmentGone"), {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
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
