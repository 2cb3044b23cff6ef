import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { desc, eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import type { Database } from "@/db/client";
import { verifyPdfSignatures } from "@/lib/server/pdf/verify-pdf";
import { getCertificateAuthority } from "@/lib/server/pki";
import { acceptApplication } from "@/lib/services/applications/accept-application";
import { approveApplication } from "@/lib/services/applications/approve-application";
import { createApplication } from "@/lib/services/applications/create-application";
import { saveApplication } from "@/lib/services/applications/save-application";
import { acceptanceNoticeFile } from "@/lib/services/documents/acceptance-notice";
import { claimCertificate } from "@/lib/services/documents/claim-certificate";
import { countersignApplicationForm } from "@/lib/services/documents/countersign-application-form";
import { readFile } from "@/lib/services/documents/read-file";
import { sendSigningCode, signApplicationForm } from "@/lib/services/documents/sign-application-form";
import { lookupCertificate, verifyUploadedCertificate } from "@/lib/services/documents/verify-certificate";
import { uploadFile } from "@/lib/services/files/upload-file";
import { employer, reviewer } from "../support/actors";
import { testDb } from "../support/db";
import { COMMITMENT, freshApplicant, initialForm } from "../engine/fixtures";
import { ruleIdsIn } from "../../unit/copy/rule-ids";

const SH_EMPLOYER = "91310000MA1FL0001R";
let db: Database;
beforeAll(() => {
  process.env.PORTAL_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "portal-docs-"));
  db = testDb();
});

/** A JPEG with EXIF/GPS metadata, as a phone camera would produce. */
async function cameraJpeg(width: number, height: number, color: string) {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .jpeg({ quality: 95 })
    .withExif({ IFD0: { Make: "TestPhone", Model: "X1", Copyright: "secret-owner" } })
    .toBuffer();
}

async function lastSmsCode(phone: string) {
  const [row] = await db
    .select()
    .from(s.smsOutbox)
    .where(eq(s.smsOutbox.phone, phone))
    .orderBy(desc(s.smsOutbox.id))
    .limit(1);
  return row!.body.match(/\d{6}/)![0];
}

describe("documents: upload → signed form → countersigned → notice → certificate → public verification", () => {
  it("F1 F2 F3 R3 G9 M2: the whole document trail verifies, and only the parties can read it", async () => {
    const who = await freshApplicant(db, {
      programCode: "cost2-sh",
      specialty: "1",
      employerUscc: SH_EMPLOYER,
      provinceCode: "31",
      name: "李喆",
    });

    // Uploads: real type by content, metadata stripped, re-encoded to the recommended size.
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    await expect(
      uploadFile(db, who, {
        kind: "photo",
        programCode: "cost2-sh",
        fileName: "photo.jpg",
        bytes: Buffer.from("not an image at all"),
      }),
    ).rejects.toMatchObject({ kind: "invalid" });
    const photo = await uploadFile(db, who, {
      kind: "photo",
      programCode: "cost2-sh",
      fileName: "me.jpg",
      bytes: await cameraJpeg(800, 1100, "#d8e4f0"),
    });
    const signature = await uploadFile(db, who, {
      kind: "signature",
      programCode: "cost2-sh",
      fileName: "sign.png",
      bytes: png,
    });
    const stored = await readFile(db, who, photo.fileId);
    const meta = await sharp(stored.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.format).toBe("jpeg");
    await db
      .update(s.people)
      .set({ photoFileId: photo.fileId, signatureFileId: signature.fileId })
      .where(eq(s.people.id, who.personId!));

    const { applicationId } = await createApplication(db, who, {
      programCode: "cost2-sh",
      type: "initial",
      specialtyCode: "1",
    });
    const attachments: Record<string, string> = {};
    for (const code of ["application_form", "qualification_certificate", "labour_contract", "id_document"]) {
      attachments[code] = (
        await uploadFile(db, who, {
          kind: "scan",
          programCode: "cost2-sh",
          fileName: `${code}.jpg`,
          bytes: await cameraJpeg(600, 800, "#eeeeee"),
          applicationId,
        })
      ).fileId;
    }
    const saved = await saveApplication(db, who, {
      applicationId,
      version: 0,
      formData: initialForm("1"),
      attachments,
    });
    expect(saved.fieldErrors).toEqual({});

    const [person] = await db.select().from(s.people).where(eq(s.people.id, who.personId!));
    const sent = await sendSigningCode(db, who, applicationId);
    expect(sent.maskedPhone).toMatch(/\*{4}/);
    await expect(
      signApplicationForm(db, who, {
        applicationId,
        version: saved.application.version,
        code: "000000",
        commitment: COMMITMENT,
      }),
    ).rejects.toMatchObject({ kind: "invalid" });
    const signed = await signApplicationForm(db, who, {
      applicationId,
      version: saved.application.version,
      code: await lastSmsCode(person!.phone),
      commitment: COMMITMENT,
    });
    expect(signed.application.status).toBe("signed");

    const emp = await employer(db, SH_EMPLOYER);
    await expect(
      countersignApplicationForm(db, emp, { applicationId, version: signed.application.version, opinionTicked: false }),
    ).rejects.toMatchObject({ kind: "invalid" });
    const countersigned = await countersignApplicationForm(db, emp, {
      applicationId,
      version: signed.application.version,
      opinionTicked: true,
      opinion: "同意申报",
    });
    expect(countersigned.application.status).toBe("pending_acceptance");

    // The form PDF: F2 name, Chinese text, two signatures that both verify with the portal CA.
    const form = await readFile(db, who, countersigned.application.formPdfFileId!);
    expect(form.fileName).toMatch(/^二级造价工程师初始注册申请表_\d{14}\.pdf$/);
    const ca = await getCertificateAuthority();
    const checks = verifyPdfSignatures(form.bytes, ca.certificatePem);
    expect(checks).toHaveLength(2);
    expect(checks.every((c) => c.valid && c.chainsToTrustedCa)).toBe(true);
    expect(checks[0]!.signerCommonName).toBe("李喆");
    expect(checks[1]!.signerCommonName).toBe("上海建科造价咨询有限公司");
    expect(checks[1]!.coversWholeDocument).toBe(true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "form-"));
    fs.writeFileSync(path.join(dir, "form.pdf"), form.bytes);
    const text = execFileSync("pdftotext", [path.join(dir, "form.pdf"), "-"]).toString();
    expect(text).toContain("李喆");
    expect(text).toContain(countersigned.application.acceptanceNo!);
    expect(ruleIdsIn(text)).toEqual([]); // no rule IDs (G8, W5 …) in what people read

    // Deny by default: another applicant and another employer get 404.
    const stranger = await freshApplicant(db, {
      programCode: "cost2-sh",
      specialty: "1",
      employerUscc: SH_EMPLOYER,
      provinceCode: "31",
    });
    await expect(readFile(db, stranger, countersigned.application.formPdfFileId!)).rejects.toMatchObject({
      kind: "not_found",
    });
    await expect(
      readFile(db, await employer(db, "91330100MA2CD0002J"), countersigned.application.formPdfFileId!),
    ).rejects.toMatchObject({ kind: "not_found" });
    await expect(readFile(db, await reviewer(db, "zj_reviewer"), photo.fileId)).rejects.toMatchObject({
      kind: "not_found",
    });
    await expect(readFile(db, await reviewer(db, "sh_reviewer"), photo.fileId)).resolves.toBeTruthy();
    // V4.2.1 file access follows the application: the employer sees the photo the person signed with, not one
    // uploaded afterwards (e.g. after leaving the employer).
    await expect(readFile(db, emp, photo.fileId)).resolves.toBeTruthy();
    const later = await uploadFile(db, who, {
      kind: "photo",
      programCode: "cost2-sh",
      fileName: "new.jpg",
      bytes: await cameraJpeg(800, 1100, "#f0e4d8"),
    });
    await expect(readFile(db, emp, later.fileId)).rejects.toMatchObject({ kind: "not_found" });
    await expect(readFile(db, who, later.fileId)).resolves.toBeTruthy();

    // F3: the acceptance notice, signed by the receiving authority.
    const noticeId = await acceptanceNoticeFile(db, who, applicationId);
    expect(await acceptanceNoticeFile(db, emp, applicationId)).toBe(noticeId);
    const notice = await readFile(db, emp, noticeId);
    expect(verifyPdfSignatures(notice.bytes, ca.certificatePem)[0]!.signerCommonName).toBe(
      "上海市住房和城乡建设管理委员会",
    );
    fs.writeFileSync(path.join(dir, "notice.pdf"), notice.bytes);
    const noticeText = execFileSync("pdftotext", [path.join(dir, "notice.pdf"), "-"]).toString();
    expect(noticeText).toContain("受理");
    expect(ruleIdsIn(noticeText)).toEqual([]);

    const rev = await reviewer(db, "sh_reviewer");
    const accepted = await acceptApplication(db, rev, { applicationId, version: countersigned.application.version });
    await approveApplication(db, rev, { applicationId, version: accepted.application.version });

    // R3: 领证 — the certificate verifies publicly, by number and by upload; a changed byte fails.
    const [reg] = await db.select().from(s.registrations).where(eq(s.registrations.sourceApplicationId, applicationId));
    const certId = await claimCertificate(db, who, reg!.id, "http://localhost:3000");
    const cert = await readFile(db, who, certId);
    const [regAfter] = await db.select().from(s.registrations).where(eq(s.registrations.id, reg!.id));
    expect(regAfter!.certificateState).toBe("ready");
    const publicView = await lookupCertificate(db, reg!.registrationNo);
    expect(publicView).toMatchObject({ status: "valid", maskedName: "李*", employerName: "上海建科造价咨询有限公司" });
    fs.writeFileSync(path.join(dir, "certificate.pdf"), cert.bytes);
    const certText = execFileSync("pdftotext", [path.join(dir, "certificate.pdf"), "-"]).toString();
    expect(certText).toContain("李喆");
    expect(ruleIdsIn(certText)).toEqual([]);
    const verdict = await verifyUploadedCertificate(db, cert.bytes);
    expect(verdict).toMatchObject({ ok: true, signatureValid: true, matchesRegister: true, isCurrentIssue: true });
    const tampered = Buffer.from(cert.bytes);
    const at = tampered.indexOf("/Type /Page") + 2;
    tampered[at] = tampered[at] === 0x54 ? 0x55 : 0x54;
    const bad = await verifyUploadedCertificate(db, tampered);
    expect(bad.ok && bad.signatureValid).toBe(false);
  }, 120_000);
});
