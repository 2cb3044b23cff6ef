import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { findSpecialty, getProgram } from "@/lib/domain/programs";
import { certificateVerificationUrl, renderCertificate } from "@/lib/server/pdf/certificate";
import { signPdf } from "@/lib/server/pdf/sign-pdf";
import { getSigningIdentity } from "@/lib/server/pki";
import { readBytes, storeBytes } from "@/lib/server/storage";
import type { Actor } from "../actor";
import { conflict, notFound, refused } from "../errors";

const GENDER = { male: "男", female: "女" } as const;

/** Identifies one issue of a certificate: changes whenever anything printed on it changes (R4). */
export function certificateSerial(registrationId: string, updatedAt: Date): string {
  return createHash("sha256").update(`${registrationId}:${updatedAt.toISOString()}`).digest("hex").slice(0, 16).toUpperCase();
}

/**
 * 领证 (R3): 未领证 → 生成中 → 可下载. The electronic certificate is rendered with the R3 fields, photo, signature and
 * a QR code to the public verification page, signed by the issuing authority, and kept until something printed on
 * it changes (then the state returns to 未领证 and the holder claims the new one).
 */
export async function claimCertificate(db: Database, actor: Actor, registrationId: string, baseUrl: string, now = new Date()) {
  const [reg] = await db.select().from(s.registrations).where(eq(s.registrations.id, registrationId));
  if (!reg || actor.role !== "applicant" || reg.personId !== actor.personId) throw notFound("该注册证书");
  if (!["active", "suspended"].includes(reg.status)) throw refused("该注册已注销或已换发，不能领取电子证书。可在“信息查询”中查看当前有效的注册。");
  if (reg.certificateState === "ready" && reg.certificateFileId) return reg.certificateFileId;

  // Claim the generation: only one request moves 未领证 → 生成中; a second concurrent click waits for the first.
  const claimed = await db
    .update(s.registrations)
    .set({ certificateState: "generating" })
    .where(and(eq(s.registrations.id, reg.id), inArray(s.registrations.certificateState, ["unclaimed", "generating"])))
    .returning({ id: s.registrations.id });
  if (claimed.length === 0) throw conflict("证书刚刚已生成，请刷新页面后下载。");

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
    const identity = await getSigningIdentity(db, "authority", authority!.id, { commonName: authority!.name, organization: authority!.name });
    const signed = await signPdf(pdf, identity, { role: "authority", name: authority!.name, reason: "电子证书签发", signedAt: now });
    const stored = await storeBytes(signed);
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
      // If something printed on the certificate changed meanwhile (state reset to 未领证), this issue is not recorded.
      const done = await tx
        .update(s.registrations)
        .set({ certificateState: "ready", certificateFileId: file!.id })
        .where(and(eq(s.registrations.id, reg.id), eq(s.registrations.certificateState, "generating")))
        .returning({ id: s.registrations.id });
      if (done.length === 0) throw conflict("证书信息刚刚发生变化，请刷新页面后重新领证。");
      // Remember the serial so /verify can still recognise this issue once a newer one replaces it.
      await tx.insert(s.certificateIssues).values({ registrationId: reg.id, serial, fileId: file!.id, issuedAt: now }).onConflictDoNothing();
      return file!.id;
    });
  } catch (e) {
    await db.update(s.registrations).set({ certificateState: "unclaimed" }).where(and(eq(s.registrations.id, reg.id), eq(s.registrations.certificateState, "generating")));
    throw e;
  }
}
