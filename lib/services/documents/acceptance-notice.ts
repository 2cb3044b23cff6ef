import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { APPLICATION_TYPE_LABELS } from "@/lib/domain/application-types";
import { getProgram } from "@/lib/domain/programs";
import { renderAcceptanceNotice } from "@/lib/server/pdf/acceptance-notice";
import { signPdf } from "@/lib/server/pdf/sign-pdf";
import { getSigningIdentity } from "@/lib/server/pki";
import { storeBytes } from "@/lib/server/storage";
import type { Actor } from "../actor";
import { notFound, refused, say } from "../errors";
import { readFile } from "./read-file";

/**
 * 行政审批受理通知书 (F3, M3): available once both signatures are on the form and it reached the authority. Made on
 * first request, signed by the receiving authority, then kept — every later view shows the same document.
 */
export async function acceptanceNoticeFile(db: Database, actor: Actor, applicationId: string, now = new Date()) {
  const [app] = await db.select().from(s.applications).where(eq(s.applications.id, applicationId));
  if (!app?.formPdfFileId) throw notFound("application");
  // The caller must be allowed to see the application's signed form; that is the same audience as the notice.
  await readFile(db, actor, app.formPdfFileId);
  if (!app.employerSignedAt || !app.submittedAt || !app.acceptanceNo) {
    throw refused(say("documents.noticeNotYet"));
  }
  const [existing] = await db
    .select({ id: s.files.id })
    .from(s.files)
    .where(and(eq(s.files.applicationId, app.id), eq(s.files.kind, "acceptance_notice")));
  if (existing) return existing.id;

  const program = getProgram(app.programCode);
  // Usually requested right after 签名确认, while the first receiving authority holds the application.
  const [authority] = app.authorityId
    ? await db.select().from(s.authorities).where(eq(s.authorities.id, app.authorityId))
    : [];
  const [person] = await db.select({ name: s.people.name }).from(s.people).where(eq(s.people.id, app.personId));
  const [employer] = app.employerId
    ? await db.select({ name: s.employers.name }).from(s.employers).where(eq(s.employers.id, app.employerId))
    : [];
  if (!authority) throw refused(say("documents.noticeNotAccepted"));
  const pdf = await renderAcceptanceNotice({
    authorityName: authority.name,
    acceptanceNo: app.acceptanceNo,
    applicantName: person!.name,
    employerName: employer?.name,
    programName: program.name,
    typeLabel: APPLICATION_TYPE_LABELS[app.type],
    submittedAt: app.submittedAt,
    acceptedAt: app.submittedAt,
    contactPhone: authority.contactPhone ?? undefined,
    generatedAt: now,
  });
  const identity = await getSigningIdentity(db, "authority", authority.id, {
    commonName: authority.name,
    organization: authority.name,
  });
  const signed = await signPdf(pdf, identity, {
    role: "authority",
    name: authority.name,
    reason: "网上受理",
    signedAt: now,
  });
  const stored = await storeBytes(signed);
  const [file] = await db
    .insert(s.files)
    .values({
      kind: "acceptance_notice",
      ownerPersonId: app.personId,
      applicationId: app.id,
      originalName: `行政审批受理通知书_${app.acceptanceNo}.pdf`,
      mimeType: "application/pdf",
      byteSize: signed.byteLength,
      sha256: stored.sha256,
      storageKey: stored.storageKey,
      state: "kept",
    })
    .returning({ id: s.files.id });
  return file!.id;
}
