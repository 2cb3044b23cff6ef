import { getDb } from "@/db/client";
import { translator } from "@/lib/i18n/translate";
import { portraitProgramCode, uploadTargetApplication } from "@/lib/queries/applicant-applications";
import { getCurrentUser } from "@/lib/server/auth";
import { requestLocale } from "@/lib/server/locale";
import { actorFromUser } from "@/lib/services/actor";
import { ServiceError } from "@/lib/services/errors";
import { uploadFile } from "@/lib/services/files/upload-file";

/** Hard ceiling before anything is read; the program's own limits (≤ 2 MB) are checked by uploadFile. */
const MAX_REQUEST_BYTES = 8 * 1024 * 1024;
const KINDS = ["photo", "signature", "scan", "correction"] as const;
type Kind = (typeof KINDS)[number];

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
const fail = (error: string, status = 400) => json({ ok: false, error }, status);

/** Same-origin only: route handlers have no built-in origin check (server actions do). */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true; // same-origin fetches from older browsers; the session cookie is SameSite=Lax anyway
  try {
    return new URL(origin).host === (request.headers.get("x-forwarded-host") ?? request.headers.get("host"));
  } catch {
    return false;
  }
}

/**
 * 上传照片、签名、扫描件、补正材料 (F1): multipart (`file`, `kind`, and for scans/corrections `applicationId` and
 * `purpose`). Photo and signature limits are those of the person's strictest program; scans and corrections those of
 * the application's program. Files stay pending until the page that uses them saves.
 */
export async function POST(request: Request) {
  const user = await getCurrentUser();
  // In the account's language (signed out: the browser's chosen language, else Chinese).
  const t = translator(user?.locale ?? (await requestLocale()), "applicant");
  if (user?.role !== "applicant" || !user.personId) return fail(t("uploads.signedOut"), 401);
  if (!sameOrigin(request)) return fail(t("uploads.wrongOrigin"), 403);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_REQUEST_BYTES) return fail(t("uploads.tooLarge"), 413);

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return fail(t("uploads.noFile"));
  }
  const file = form.get("file");
  const kind = String(form.get("kind") ?? "") as Kind;
  if (!(file instanceof File) || file.size === 0) return fail(t("uploads.noFile"));
  if (!KINDS.includes(kind)) return fail(t("uploads.wrongKind"));
  if (file.size > MAX_REQUEST_BYTES) return fail(t("uploads.tooLarge"), 413);

  const db = getDb();
  const personId = user.personId;
  let programCode: string;
  let applicationId: string | null = null;
  if (kind === "photo" || kind === "signature") {
    programCode = await portraitProgramCode(db, personId);
  } else {
    const id = String(form.get("applicationId") ?? "");
    const app = /^[0-9a-f-]{36}$/i.test(id) ? await uploadTargetApplication(db, personId, id) : undefined;
    if (!app) return fail(t("uploads.noApplication"), 404);
    programCode = app.programCode;
    applicationId = app.id;
  }
  const purpose = String(form.get("purpose") ?? "").slice(0, 60) || null;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const out = await uploadFile(db, actorFromUser(user), {
      kind,
      programCode,
      fileName: file.name || `${kind}.jpg`,
      bytes,
      applicationId,
      purpose,
    });
    return json({ ok: true, fileId: out.fileId, byteSize: out.byteSize, fileName: file.name });
  } catch (e) {
    // The use case's refusal (format, size, a damaged file) in the applicant's language too.
    if (e instanceof ServiceError) return fail(e.messageIn(user.locale), e.kind === "not_found" ? 404 : 400);
    throw e;
  }
}
