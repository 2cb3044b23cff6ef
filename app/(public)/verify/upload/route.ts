import { getDb } from "@/db/client";
import { translator } from "@/lib/i18n/translate";
import { requestLocale } from "@/lib/server/locale";
import { clientIp } from "@/lib/server/client-ip";
import { PUBLIC_STATUS_LABELS, verifyUploadedCertificate } from "@/lib/services/documents/verify-certificate";
import { rateLimitMessage, spendVerifyPoints, VERIFY_COST } from "@/lib/server/verify-rate-limit";
import { MAX_UPLOAD_BYTES, type UploadCheckResponse } from "@/lib/services/documents/verify-upload-result";

/** 上传电子证书核验: POST multipart/form-data with one field `file` (the certificate PDF, at most 5 MB). */
export const dynamic = "force-dynamic";

/** Room for the multipart boundaries and part headers around a 5 MB file. */
const MAX_BODY_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;

function reply(body: UploadCheckResponse, status = 200, extra: Record<string, string> = {}) {
  return Response.json(body, {
    status,
    headers: { "Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow", ...extra },
  });
}

/** Reads at most `limit` bytes of the body; null when it is larger. */
async function readCapped(request: Request, limit: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all;
}

export async function POST(request: Request): Promise<Response> {
  const db = getDb();
  // Answers in the language of the page that uploaded (the account's or the switch's cookie).
  const locale = await requestLocale();
  const t = translator(locale, "public");
  const allowance = await spendVerifyPoints(db, clientIp(request.headers), VERIFY_COST.upload);
  if (!allowance.allowed) {
    return reply({ ok: false, error: rateLimitMessage(allowance.retryAfterSeconds, locale) }, 429, {
      "Retry-After": String(allowance.retryAfterSeconds),
    });
  }

  const TOO_LARGE = t("verify.upload.tooLargeUpload");
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return reply({ ok: false, error: TOO_LARGE }, 413);
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
    return reply({ ok: false, error: t("verify.upload.useThePage") }, 400);
  }
  const body = await readCapped(request, MAX_BODY_BYTES);
  if (!body) return reply({ ok: false, error: TOO_LARGE }, 413);

  let file: FormDataEntryValue | null;
  try {
    const form = await new Response(body as BodyInit, { headers: { "content-type": contentType } }).formData();
    file = form.get("file");
  } catch {
    return reply({ ok: false, error: t("verify.upload.incomplete") }, 400);
  }
  if (!file || typeof file === "string" || file.size === 0) {
    return reply({ ok: false, error: t("verify.upload.chooseFile") }, 400);
  }
  if (file.size > MAX_UPLOAD_BYTES) return reply({ ok: false, error: TOO_LARGE }, 413);

  const bytes = new Uint8Array(await file.arrayBuffer());
  let verdict: Awaited<ReturnType<typeof verifyUploadedCertificate>>;
  try {
    verdict = await verifyUploadedCertificate(db, bytes);
  } catch (e) {
    console.error("verify upload failed", e);
    return reply({ ok: false, error: t("verify.upload.unreadable") }, 400);
  }
  if (!verdict.ok) return reply({ ok: false, error: verdict.reason }, 400);

  const cert = verdict.certificate;
  return reply({
    ok: true,
    signatureValid: verdict.signatureValid,
    matchesRegister: verdict.matchesRegister,
    isCurrentIssue: verdict.isCurrentIssue,
    signer: verdict.signer,
    problems: verdict.problems,
    certificate: cert
      ? {
          registrationNo: cert.registrationNo,
          status: cert.status,
          statusLabel: PUBLIC_STATUS_LABELS[cert.status],
          maskedName: cert.maskedName,
          gender: cert.gender,
          programName: cert.programName,
          specialty: cert.specialty,
          employerName: cert.employerName,
          validFrom: cert.validFrom,
          validTo: cert.validTo,
          issuingAuthority: cert.issuingAuthority,
          replacedBy: cert.replacedBy,
        }
      : null,
  });
}
