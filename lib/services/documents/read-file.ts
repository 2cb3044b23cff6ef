import { and, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { readBytes } from "@/lib/server/storage";
import type { Actor } from "../actor";
import { notFound } from "../errors";
import { withinReviewerReach } from "../people/anomaly-trail";
import { isUuid } from "@/lib/domain/ids";

export type ReadableFile = { bytes: Buffer; mimeType: string; fileName: string; kind: string };

/**
 * Serves a stored file only to those allowed (deny by default → 404): the applicant owns their uploads and forms;
 * the employer sees what its staff sent it; a reviewer sees what its authority holds or decided.
 */
export async function readFile(db: Database, actor: Actor, fileId: string): Promise<ReadableFile> {
  if (!isUuid(fileId)) throw notFound("file");
  const [file] = await db.select().from(s.files).where(eq(s.files.id, fileId));
  if (!file || !(await mayRead(db, actor, file))) throw notFound("file");
  const extension = file.mimeType === "application/pdf" ? "pdf" : "jpg";
  return {
    bytes: await readBytes(file.storageKey),
    mimeType: file.mimeType,
    fileName: file.originalName?.endsWith(`.${extension}`)
      ? file.originalName
      : `${file.kind}-${file.id.slice(0, 8)}.${extension}`,
    kind: file.kind,
  };
}

async function mayRead(db: Database, actor: Actor, file: typeof s.files.$inferSelect): Promise<boolean> {
  switch (actor.role) {
    case "applicant":
      return !!actor.personId && file.ownerPersonId === actor.personId;
    case "employer": {
      if (!actor.employerId) return false;
      // What the employer uploaded itself (K2 scans, personnel files).
      if (file.ownerEmployerId === actor.employerId) return true;
      // Every other file only through an application the employer is party to (ASVS V4.2.1, issue 9 item 8): one it
      // was sent (signed by the applicant) or filed itself (K2). A file attached to the person's application to another
      // employer — or to no application, like a certificate — is not the employer's to read.
      const party = and(
        eq(s.applications.employerId, actor.employerId),
        or(isNotNull(s.applications.applicantSignedAt), eq(s.applications.filedByEmployer, true)),
      );
      if (file.applicationId) {
        const apps = await db
          .select({ id: s.applications.id })
          .from(s.applications)
          .where(and(party, eq(s.applications.id, file.applicationId)))
          .limit(1);
        return apps.length > 0;
      }
      // Portraits belong to no application: the photo/signature a person had on record when signing an application to
      // this employer. One uploaded after the person's last signed application here (e.g. after leaving) stays hidden.
      if (file.kind !== "photo" && file.kind !== "signature") return false;
      const apps = await db
        .select({ id: s.applications.id })
        .from(s.applications)
        .where(
          and(
            eq(s.applications.employerId, actor.employerId),
            eq(s.applications.personId, file.ownerPersonId ?? ""),
            sql`${s.applications.applicantSignedAt} >= ${file.createdAt.toISOString()}::timestamptz`,
          ),
        )
        .limit(1);
      return apps.length > 0;
    }
    case "reviewer": {
      if (!actor.authorityId) return false;
      // 单位名称变更 (R4): the proof of a change filed by an employer of the reviewer's province.
      if (file.ownerEmployerId && file.purpose === "employer_name_change") {
        const [change] = await db
          .select({ id: s.employerNameChanges.id })
          .from(s.employerNameChanges)
          .innerJoin(s.employers, eq(s.employers.id, s.employerNameChanges.employerId))
          .innerJoin(s.authorities, eq(s.authorities.provinceCode, s.employers.provinceCode))
          .where(and(eq(s.employerNameChanges.proofFileId, file.id), eq(s.authorities.id, actor.authorityId)))
          .limit(1);
        return !!change;
      }
      // 申辩证明材料 (T3): the authority that decides the appeal — the person's or their employer's province, or the
      // ministry — reads the proof attached to it; another province's reviewer does not.
      const [appeal] = await db
        .select({ personId: s.personAnomalies.personId })
        .from(s.appeals)
        .innerJoin(s.personAnomalies, eq(s.personAnomalies.id, s.appeals.anomalyId))
        .where(eq(s.appeals.proofFileId, file.id))
        .limit(1);
      if (appeal) return withinReviewerReach(db, actor, appeal.personId);
      // Held by this authority now, or acted on by one of its reviewers before (e.g. forwarded to the ministry).
      const colleagues = db
        .select({ id: s.userAccounts.id })
        .from(s.userAccounts)
        .where(eq(s.userAccounts.authorityId, actor.authorityId));
      const handled = db
        .select({ applicationId: s.applicationEvents.applicationId })
        .from(s.applicationEvents)
        .where(inArray(s.applicationEvents.actorUserId, colleagues));
      const apps = await db
        .select({ id: s.applications.id })
        .from(s.applications)
        .where(
          and(
            file.applicationId
              ? eq(s.applications.id, file.applicationId)
              : eq(s.applications.personId, file.ownerPersonId ?? ""),
            or(eq(s.applications.authorityId, actor.authorityId), inArray(s.applications.id, handled)),
          ),
        )
        .limit(1);
      return apps.length > 0;
    }
    default:
      return false;
  }
}
