/**
 * 通知公告 attachments: the kinds of files authorities publish (documents, spreadsheets, scans), recognised by their
 * content rather than their extension so a renamed executable is not offered to the public as a PDF.
 */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_MAX_COUNT = 5;

export type AttachmentKind = { mimeType: string; label: string; extensions: readonly string[] };

const PDF: AttachmentKind = { mimeType: "application/pdf", label: "PDF", extensions: ["pdf"] };
const JPG: AttachmentKind = { mimeType: "image/jpeg", label: "JPG", extensions: ["jpg", "jpeg"] };
const PNG: AttachmentKind = { mimeType: "image/png", label: "PNG", extensions: ["png"] };
const DOCX: AttachmentKind = {
  mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  label: "Word",
  extensions: ["docx"],
};
const XLSX: AttachmentKind = {
  mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  label: "Excel",
  extensions: ["xlsx"],
};
const DOC: AttachmentKind = { mimeType: "application/msword", label: "Word", extensions: ["doc"] };
const XLS: AttachmentKind = { mimeType: "application/vnd.ms-excel", label: "Excel", extensions: ["xls"] };

export const ATTACHMENT_FORMATS_LABEL = "PDF、Word、Excel、JPG、PNG";

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** The attachment's real kind, or null when the content is none of the accepted formats (or the extension lies). */
export function detectAttachment(fileName: string, bytes: Uint8Array): AttachmentKind | null {
  const ext = fileName.toLowerCase().split(".").pop() ?? "";
  let candidates: AttachmentKind[] = [];
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) candidates = [PDF];
  else if (startsWith(bytes, [0xff, 0xd8, 0xff])) candidates = [JPG];
  else if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) candidates = [PNG];
  else if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]))
    candidates = [DOCX, XLSX]; // OOXML is a ZIP
  else if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) candidates = [DOC, XLS]; // OLE compound file
  return candidates.find((k) => k.extensions.includes(ext)) ?? null;
}
