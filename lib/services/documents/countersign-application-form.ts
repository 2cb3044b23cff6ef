import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { signPdf } from "@/lib/server/pdf/sign-pdf";
import { getSigningIdentity } from "@/lib/server/pki";
import { readBytes, removeBytes, storeBytes } from "@/lib/server/storage";
import type { Actor } from "../actor";
import { invalid, notFound, refused, say } from "../errors";
import { transitionApplication } from "../applications/transition";

/**
 * 签名确认 (M2): the employer's signature is appended to the applicant's signed PDF as an incremental update, so
 * the applicant's signature stays valid; then the application goes on (to the authority, or completes).
 */
export async function countersignApplicationForm(
  db: Database,
  actor: Actor,
  input: { applicationId: string; version: number; opinionTicked: boolean; opinion?: string },
  now = new Date(),
) {
  const [app] = await db.select().from(s.applications).where(eq(s.applications.id, input.applicationId));
  if (
    !app ||
    actor.role !== "employer" ||
    !actor.employerId ||
    app.employerId !== actor.employerId ||
    !app.applicantSignedAt
  )
    throw notFound("application");
  if (!input.opinionTicked)
    throw invalid(say("documents.tickOpinion"), { opinionTicked: say("documents.tickOpinionField") });
  if (app.status !== "signed") throw refused(say("documents.notAwaitingEmployer"));
  if (app.version !== input.version) throw refused(say("documents.changedSinceOpened"));
  if (!app.formPdfFileId) throw refused(say("documents.noSignedForm"));

  const [form] = await db.select().from(s.files).where(eq(s.files.id, app.formPdfFileId));
  const [employer] = await db.select().from(s.employers).where(eq(s.employers.id, actor.employerId));
  const identity = await getSigningIdentity(db, "employer", employer!.id, {
    commonName: employer!.name,
    organization: employer!.name,
  });
  const signed = await signPdf(await readBytes(form!.storageKey), identity, {
    role: "employer",
    name: employer!.name,
    reason: input.opinion?.trim() || "同意申报，情况属实",
    signedAt: now,
  });
  const stored = await storeBytes(signed);
  // One transaction: the file row and the state change commit together or not at all (issue 9 item 6); the bytes
  // written above are removed if it does not commit (the housekeeping sweep is the backstop after a crash).
  try {
    return await db.transaction(async (tx) => {
      const [file] = await tx
        .insert(s.files)
        .values({
          kind: "application_form",
          ownerPersonId: app.personId,
          ownerEmployerId: employer!.id,
          applicationId: app.id,
          originalName: form!.originalName,
          mimeType: "application/pdf",
          byteSize: signed.byteLength,
          sha256: stored.sha256,
          storageKey: stored.storageKey,
          state: "kept",
          uploadedBy: actor.userId,
        })
        .returning({ id: s.files.id });
      return transitionApplication(tx, actor, {
        applicationId: app.id,
        expectedVersion: app.version,
        action: "countersign",
        input: { employerOpinionTicked: true, opinion: input.opinion },
        set: { formPdfFileId: file!.id },
        now,
      });
    });
  } catch (e) {
    await removeBytes(stored.storageKey).catch(() => undefined);
    throw e;
  }
}
