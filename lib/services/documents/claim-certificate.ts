import { createHash } from "node:crypto";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { findSpecialty, getProgram } from "@/lib/domain/programs";
import { certificateVerificationUrl, renderCertificate } from "@/lib/server/pdf/certificate";
import { signPdf } from "@/lib/server/pdf/sign-pdf";
import { getSigningIdentity } from "@/lib/server/pki";
import { readBytes, removeBytes, storeBytes } from "@/lib/server/storage";
import type { Actor } from "../actor";
import { conflict, notFound, refused, say } from "../errors";

const GENDER = { male: "男", female: "女" } as const;

/** Identifies one issue of a certificate: changes whenever anything printed on it changes (R4). */
export function certificateSerial(registrationId: string, updatedAt: Date): string {
  return createHash("sha256")
    .update(`${registrationId}:${updatedAt.toISOString()}`)
    .digest("hex")
    .slice(0, 16)
    .toUpperCase();
}

/** A 生成中 claim older than this died with its process (kill -9) and may be taken over. */
const STALE_CLAIM_MS = 2 * 60_000;
/** How long a second click waits for the first one's certificate before asking the user to refresh. */
const WAIT_FOR_OTHER_MS = 30_000;
const POLL_MS = 150;

/**
 * 领证 (R3): 未领证 → 生成中 → 可下载. The electronic certificate is rendered with the R3 fields, photo, signature and
 * a QR code to the public verification page, signed by the issuing authority, and kept until something printed on
 * it changes (then the state returns to 未领证 and the holder claims the new one).
 *
 * Idempotent (issue 9 item 6): one conditional update takes the claim (未领证 → 生成中, stamped); only its holder
 * renders. Every other click — a double click, twenty tabs — waits for that claim to end and returns the same file.
 */
export async function claimCertificate(
  db: Database,
  actor: Actor,
  registrationId: string,
  baseUrl: string,
  now = new Date(),
) {
  const deadline = Date.now() + WAIT_FOR_OTHER_MS;
  for (;;) {
    const [reg] = await db.select().from(s.registrations).where(eq(s.registrations.id, registrationId));
    if (!reg || actor.role !== "applicant" || reg.personId !== actor.personId) throw notFound("certificate");
    if (!["active", "suspended"].includes(reg.status)) throw refused(say("certificates.notClaimable"));
    if (reg.certificateState === "ready" && reg.certificateFileId) return reg.certificateFileId;

    const claimedAt = new Date(Math.max(now.getTime(), Date.now()));
    const claimed = await db
      .update(s.registrations)
      .set({ certificateState: "generating", certificateClaimedAt: claimedAt })
      .where(
        and(
          eq(s.registrations.id, reg.id),
          or(
            eq(s.registrations.certificateState, "unclaimed"),
            and(
              eq(s.registrations.certificateState, "generating"),
              or(
                isNull(s.registrations.certificateClaimedAt),
                lt(s.registrations.certificateClaimedAt, new Date(claimedAt.getTime() - STALE_CLAIM_MS)),
              ),
            ),
          ),
        ),
      )
      .returning({ id: s.registrations.id });
    if (claimed.length > 0) return issueCertificate(db, actor, reg, claimedAt, baseUrl, now);
    // Someone else is generating it: wait for their result rather than render a second certificate.
    if (Date.now() > deadline) throw conflict(say("certificates.generating"));
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** The claim holder's work: render and sign (no transaction open), store, then record it in one transaction. */
async function issueCertificate(
  db: Database,
  actor: Actor,
  reg: typeof s.registrations.$inferSelect,
  claimedAt: Date,
  baseUrl: string,
  now: Date,
) {
  const mine = and(
    eq(s.registrations.id, reg.id),
    eq(s.registrations.certificateState, "generating"),
    eq(s.registrations.certificateClaimedAt, claimedAt),
  );
  let storageKey: string | undefined;
  try {
    const program = getProgram(reg.programCode);
    const [person] = await db.select().from(s.people).where(eq(s.people.id, reg.personId));
    const [authority] = await db.select().from(s.authorities).where(eq(s.authorities.id, reg.issuingAuthorityId));
    const bytesOf = async (id: string | null) => {
      if (!id) return undefined;
      const [f] = await db.select({ storageKey: s.files.storageKey }).from(s.files).where(eq(s.files.id, id));
      return f ? readBytes(f.storageKey).catch(() => undefined) : undefined;
    };
    const serial = certificateSerial(reg.id, reg.updatedAt);
    const pdf = await renderCertificate({
      programName: program.name,
      holder: { name: person!.name, gender: GENDER[person!.gender], birthDate: person!.birthDate },
      registrationNo: reg.registrationNo,
      employerName: reg.employerName,
      specialties: findSpecialty(program, reg.specialtyCode)?.name ?? reg.specialtyCode,
      validUntil: reg.validTo,
      authorityName: authority!.name,
      issuedAt: reg.issuedAt,
      holderSignedAt: reg.issuedAt,
      photo: await bytesOf(person!.photoFileId),
      signatureImage: await bytesOf(person!.signatureFileId),
      certificateSerial: serial,
      verificationUrl: certificateVerificationUrl(baseUrl, reg.registrationNo, serial),
    });
    const identity = await getSigningIdentity(db, "authority", authority!.id, {
      commonName: authority!.name,
      organization: authority!.name,
    });
    const signed = await signPdf(pdf, identity, {
      role: "authority",
      name: authority!.name,
      reason: "电子证书签发",
      signedAt: now,
    });
    const stored = await storeBytes(signed);
    storageKey = stored.storageKey;
    return await db.transaction(async (tx) => {
      const [file] = await tx
        .insert(s.files)
        .values({
          kind: "certificate",
          ownerPersonId: reg.personId,
          originalName: `${program.name}注册证书_${reg.registrationNo.replace(/[[\]]/g, "")}.pdf`,
          mimeType: "application/pdf",
          byteSize: signed.byteLength,
          sha256: stored.sha256,
          storageKey: stored.storageKey,
          state: "kept",
          uploadedBy: actor.userId,
        })
        .returning({ id: s.files.id });
      // Still our claim? If something printed on the certificate changed meanwhile (state reset to 未领证), or the
      // claim was taken over as stale, this issue is not recorded.
      const done = await tx
        .update(s.registrations)
        .set({ certificateState: "ready", certificateFileId: file!.id, certificateClaimedAt: null })
        .where(mine)
        .returning({ id: s.registrations.id });
      if (done.length === 0) throw conflict(say("certificates.changed"));
      // Remember the serial so /verify can still recognise this issue once a newer one replaces it.
      await tx
        .insert(s.certificateIssues)
        .values({ registrationId: reg.id, serial, fileId: file!.id, issuedAt: now })
        .onConflictDoNothing();
      return file!.id;
    });
  } catch (e) {
    // Nothing refers to the bytes (the transaction rolled back): remove them; the housekeeping sweep is the backstop.
    if (storageKey) await removeBytes(storageKey).catch(() => undefined);
    await db.update(s.registrations).set({ certificateState: "unclaimed", certificateClaimedAt: null }).where(mine);
    throw e;
  }
}
