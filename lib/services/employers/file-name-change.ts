import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { employerNameChanges, employers, files } from "@/db/schema";
import { allPrograms } from "@/lib/domain/programs";
import { logSecurityEvent } from "@/lib/server/security-events";
import type { Actor } from "../actor";
import { conflict, invalid, notFound, say } from "../errors";
import { uploadFile } from "../files/upload-file";
import { refuseWhileApplicationsInFlight } from "./in-flight";

export type FileNameChangeInput = { newName: string; proof: { fileName: string; bytes: Uint8Array } | null };

/**
 * 单位名称变更 (R4, `002` §5): the employer files its new registered name with proof (营业执照 or 工商变更通知书),
 * checked by content like every upload. Refused while one of its applications is in flight, naming which.
 */
export async function fileNameChange(db: Database, actor: Actor, input: FileNameChangeInput, now = new Date()) {
  if (actor.role !== "employer" || !actor.employerId) throw notFound("page");
  const employerId = actor.employerId;
  const [employer] = await db.select().from(employers).where(eq(employers.id, employerId));
  if (!employer) throw notFound("employer");
  const newName = input.newName.trim().replace(/\s+/g, "");
  const fieldErrors: Record<string, string> = {};
  if (!newName) fieldErrors.newName = "请填写变更后的单位名称";
  else if (newName.length > 100) fieldErrors.newName = "单位名称不能超过100个字";
  else if (newName === employer.name) fieldErrors.newName = "新名称与当前单位名称相同";
  if (!input.proof || input.proof.bytes.byteLength === 0)
    fieldErrors.proof = "请上传名称变更证明（变更后的营业执照或工商变更通知书扫描件）";
  if (Object.keys(fieldErrors).length) throw invalid(say("employers.completeNameChange"), fieldErrors);
  await refuseWhileApplicationsInFlight(db, employerId);
  const [open] = await db
    .select({ id: employerNameChanges.id })
    .from(employerNameChanges)
    .where(and(eq(employerNameChanges.employerId, employerId), eq(employerNameChanges.status, "submitted")));
  if (open) throw conflict(say("employers.nameChangePending"));

  // Scans follow the limits of this province's program (F1); any program will do for a province without one.
  const program =
    allPrograms().find(
      (p) => p.jurisdiction.kind === "provincial" && p.jurisdiction.provinceCode === employer.provinceCode,
    ) ?? allPrograms()[0]!;
  const uploaded = await uploadFile(db, actor, {
    kind: "scan",
    programCode: program.code,
    fileName: input.proof!.fileName,
    bytes: input.proof!.bytes,
    purpose: "employer_name_change",
  });

  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(employerNameChanges)
      .values({
        employerId,
        oldName: employer.name,
        newName,
        status: "submitted",
        proofFileId: uploaded.fileId,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: employerNameChanges.id });
    // Only on a race with a second submission (checked before the upload too): the proof then stays an unused
    // `pending` upload, as when an applicant uploads and never saves the form.
    if (!row) throw conflict(say("employers.nameChangePending"));
    await tx
      .update(files)
      .set({ state: "kept" })
      .where(and(eq(files.id, uploaded.fileId), eq(files.ownerEmployerId, employerId)));
    await logSecurityEvent(tx, {
      kind: "employer_name_changed",
      accountId: actor.userId,
      detail: { changeId: row.id, action: "filed", oldName: employer.name, newName },
    });
    return row;
  });
}
