/**
 * The untrusted half of 上传证书核验: everything that reads the uploaded bytes, with the limits a public endpoint
 * needs (size first, bounded scanning, a time budget) and an answer in plain Chinese for every file it cannot use.
 * The register lookup stays in lib/services/documents/verify-certificate.ts.
 */
import {
  MAX_VERIFY_BYTES,
  readCertificateReference,
  verifyPdfSignatures,
  type CertificatePdfReference,
  type PdfSignatureCheck,
} from "./verify-pdf";
import { UnreadablePdfError } from "./pdf-scan";

/** Same limit as the upload route; checked again here so no caller can hand the scanner more. */
const MAX_CERTIFICATE_UPLOAD_BYTES = Math.min(MAX_VERIFY_BYTES, 5 * 1024 * 1024);

export const UPLOAD_REFUSALS = {
  notPdf: "上传的文件不是 PDF。请上传从本平台“领证”下载的电子证书 PDF 原件。",
  tooLarge: "文件超过 5 MB。本平台签发的电子证书 PDF 通常不足 1 MB，请确认上传的是从“领证”下载的原件。",
  notOurs: "该 PDF 不是本平台签发的电子注册证书（未找到证书编号信息）。",
  unreadable: "无法识别该 PDF 的签名（文件可能已损坏，或不是本平台签发的电子证书）。请重新下载电子证书原件后再核验。",
} as const;

export type UploadInspection =
  | { readonly ok: false; readonly reason: string }
  | { readonly ok: true; readonly reference: CertificatePdfReference; readonly signatures: PdfSignatureCheck[] };

export async function inspectUploadedCertificate(pdf: Uint8Array, trustedCaPem: string): Promise<UploadInspection> {
  if (pdf.byteLength > MAX_CERTIFICATE_UPLOAD_BYTES) return { ok: false, reason: UPLOAD_REFUSALS.tooLarge };
  if (pdf.byteLength < 5 || Buffer.from(pdf.subarray(0, 5)).toString("latin1") !== "%PDF-") {
    return { ok: false, reason: UPLOAD_REFUSALS.notPdf };
  }
  const reference = await readCertificateReference(pdf).catch(() => null);
  if (!reference) return { ok: false, reason: UPLOAD_REFUSALS.notOurs };
  try {
    return { ok: true, reference, signatures: verifyPdfSignatures(pdf, trustedCaPem) };
  } catch (e) {
    // Too many signatures, over the time budget, or a stack overflow on crafted nesting: a refusal, not a 500.
    if (e instanceof UnreadablePdfError || e instanceof RangeError) {
      return { ok: false, reason: UPLOAD_REFUSALS.unreadable };
    }
    throw e;
  }
}
