import { fill } from "@/components/ui/fill";

export type Uploaded = { fileId: string; byteSize: number; fileName: string };

/**
 * Sends one file to /applicant/uploads (route handler: files may exceed server actions' 1 MB body limit). Loaded by
 * UploadButton when a file is picked, so pages with an upload do not carry it in their first load (issue 12 item 4).
 */
export async function uploadFile(
  kind: "photo" | "signature" | "scan" | "correction",
  file: File,
  extra: { applicationId?: string; purpose?: string },
  texts: { failed: string; offline: string },
): Promise<({ ok: true } & Uploaded) | { ok: false; error: string }> {
  const body = new FormData();
  body.set("file", file);
  body.set("kind", kind);
  if (extra.applicationId) body.set("applicationId", extra.applicationId);
  if (extra.purpose) body.set("purpose", extra.purpose);
  try {
    const res = await fetch("/applicant/uploads", { method: "POST", body });
    const data = (await res.json().catch(() => null)) as
      | ({ ok: true } & Uploaded)
      | { ok: false; error: string }
      | null;
    if (!data) return { ok: false, error: fill(texts.failed, { status: res.status }) };
    return data;
  } catch {
    return { ok: false, error: texts.offline };
  }
}
