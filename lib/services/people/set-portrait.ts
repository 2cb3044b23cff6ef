import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import type { Actor } from "../actor";
import { invalid, notFound, say } from "../errors";
import { isUuid } from "@/lib/domain/ids";

export type PortraitKind = "photo" | "signature";

/**
 * 个人信息 → 照片、签名 (`003` §2.2, G4): puts an uploaded photo or signature on the person's record and keeps the file
 * (uploads stay `pending` until something that uses them is saved, F1). Only the person's own upload of the same kind
 * can be used; anything else is reported as not found.
 */
export async function setPortrait(db: Database, actor: Actor, input: { kind: PortraitKind; fileId: string }) {
  if (actor.role !== "applicant" || !actor.personId) throw notFound("page");
  const personId = actor.personId;
  if (!isUuid(input.fileId)) throw notFound("file");
  return db.transaction(async (tx) => {
    const [file] = await tx
      .select({ id: s.files.id, kind: s.files.kind, applicationId: s.files.applicationId })
      .from(s.files)
      .where(and(eq(s.files.id, input.fileId), eq(s.files.ownerPersonId, personId)));
    if (!file) throw notFound("file");
    if (file.kind !== input.kind) throw invalid(say(`people.notA.${input.kind}`));
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
    if (!updated) throw notFound("ownPerson");
    return { photoFileId: updated.photoFileId, signatureFileId: updated.signatureFileId };
  });
}
