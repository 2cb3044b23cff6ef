import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import type { Actor } from "../actor";
import { invalid, notFound } from "../errors";
import { isUuid } from "@/lib/domain/ids";

export type PortraitKind = "photo" | "signature";

const LABEL: Record<PortraitKind, string> = { photo: "一寸照片", signature: "手写签名" };

/**
 * 个人信息 → 照片、签名 (`003` §2.2, G4): puts an uploaded photo or signature on the person's record and keeps the file
 * (uploads stay `pending` until something that uses them is saved, F1). Only the person's own upload of the same kind
 * can be used; anything else is reported as not found.
 */
export async function setPortrait(db: Database, actor: Actor, input: { kind: PortraitKind; fileId: string }) {
  if (actor.role !== "applicant" || !actor.personId) throw notFound("该页面");
  const personId = actor.personId;
  if (!isUuid(input.fileId)) throw notFound("该文件");
  return db.transaction(async (tx) => {
    const [file] = await tx
      .select({ id: s.files.id, kind: s.files.kind, applicationId: s.files.applicationId })
      .from(s.files)
      .where(and(eq(s.files.id, input.fileId), eq(s.files.ownerPersonId, personId)));
    if (!file) throw notFound("该文件");
    if (file.kind !== input.kind) throw invalid(`该文件不是${LABEL[input.kind]}，请重新上传${LABEL[input.kind]}。`);
    await tx.update(s.files).set({ state: "kept" }).where(eq(s.files.id, file.id));
    const [updated] = await tx
      .update(s.people)
      .set(
        input.kind === "photo"
          ? { photoFileId: file.id, updatedAt: new Date() }
          : { signatureFileId: file.id, updatedAt: new Date() },
      )
      .where(eq(s.people.id, personId))
      .returning({ photoFileId: s.people.photoFileId, signatureFileId: s.people.signatureFileId });
    if (!updated) throw notFound("您的人员信息");
    return { photoFileId: updated.photoFileId, signatureFileId: updated.signatureFileId };
  });
}
