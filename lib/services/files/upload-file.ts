import type { Executor } from "@/db/client";
import { files } from "@/db/schema";
import { uploadProblems } from "@/lib/domain/files";
import { getProgram } from "@/lib/domain/programs";
import type { FileKind } from "@/lib/domain/types";
import { detectImage, reencodeImage } from "@/lib/server/images";
import { storeBytes } from "@/lib/server/storage";
import type { Actor } from "../actor";
import { invalid, notFound, say, joined, named } from "../errors";

export type UploadInput = {
  kind: FileKind;
  programCode: string;
  fileName: string;
  bytes: Uint8Array;
  applicationId?: string | null;
  purpose?: string | null;
};

const KIND_LABEL: Record<FileKind, string> = {
  photo: "照片",
  signature: "签名",
  scan: "扫描件",
  correction: "补正材料",
};

/**
 * Checks an applicant's upload by content against the program's limits (F1), re-encodes it (metadata stripped,
 * recommended pixel size) and stores it outside public/. The file stays `pending` until the form that uses it is
 * saved (F1: 点击保存业务后，图片才会被保存).
 */
export async function uploadFile(db: Executor, actor: Actor, input: UploadInput) {
  // Applicants upload for themselves; an employer only the scans of a forced cancellation it files (K2).
  const byEmployer = actor.role === "employer" && !!actor.employerId && input.kind === "scan";
  if (!byEmployer && (actor.role !== "applicant" || !actor.personId)) throw notFound("page");
  const program = getProgram(input.programCode);
  const limit = program.files[input.kind];
  const label = named(`fileKind.${input.kind}`, KIND_LABEL[input.kind]);

  const detected = await detectImage(input.bytes);
  if (!detected) {
    throw invalid(say("files.notAnImage", { label, formats: limit.formats.join("/") }));
  }
  // The program's rule is checked against what the file really is, named with its true extension.
  const problems = uploadProblems(program, input.kind, {
    fileName: `upload.${detected.format}`,
    bytes: input.bytes.byteLength,
    width: detected.width,
    height: detected.height,
  });
  if (problems.length > 0) {
    const each = problems.map((p) => say(`files.problem.${p.code}`, { ...p.values }, p.message));
    throw invalid(say("files.failedChecks", { label, problems: joined(each) }));
  }

  const px = "recommendedPx" in limit ? limit.recommendedPx : undefined;
  const output = await reencodeImage(
    input.bytes,
    input.kind === "photo" || input.kind === "signature"
      ? { kind: input.kind, width: px?.width, height: px?.height, maxBytes: limit.maxBytes }
      : { kind: "document", maxBytes: Math.max(limit.maxBytes, 200 * 1024) },
  ).catch(() => {
    // The header was readable but the pixels are not (a truncated or damaged file): say so, never a 500 (issue 9).
    throw invalid(say("files.damaged"));
  });
  const stored = await storeBytes(output);
  const [row] = await db
    .insert(files)
    .values({
      kind: input.kind,
      ownerPersonId: byEmployer ? null : actor.personId,
      ownerEmployerId: byEmployer ? actor.employerId : null,
      applicationId: input.applicationId ?? null,
      purpose: input.purpose ?? null,
      originalName: input.fileName.slice(0, 200),
      mimeType: "image/jpeg",
      byteSize: output.length,
      sha256: stored.sha256,
      storageKey: stored.storageKey,
      state: "pending",
      uploadedBy: actor.userId,
    })
    .returning({ id: files.id, byteSize: files.byteSize });
  return { fileId: row!.id, byteSize: row!.byteSize };
}
