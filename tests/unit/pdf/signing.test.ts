import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { renderApplicationForm } from "@/lib/server/pdf/application-form";
import { signPdf, type PdfSigner } from "@/lib/server/pdf/sign-pdf";
import { verifyPdfSignatures } from "@/lib/server/pdf/verify-pdf";
import { createRootCertificateAuthority, createSigningIdentity, type CertificateAuthority } from "@/lib/server/pki";
import { sampleForm, samplePhoto, sampleSignature } from "./fixtures";
import { hasTool, pdfText, renderPages, tempDir } from "./helpers";

let ca: CertificateAuthority;
let applicant: PdfSigner;
let employer: PdfSigner;
let form: Uint8Array;
let signedOnce: Uint8Array;
let signedTwice: Uint8Array;
let signatureImage: Buffer;

const APPLICANT_AT = new Date("2026-11-30T07:00:00Z");
const EMPLOYER_AT = new Date("2026-12-01T01:30:00Z");
// The certificates exist before anyone signs with them, whenever the test runs (the CA made "now" once made a
// signature at a fixed earlier time look older than its certificate and fail the chain check).
const ISSUED_AT = new Date("2026-11-01T00:00:00Z");

beforeAll(async () => {
  ca = await createRootCertificateAuthority({ now: ISSUED_AT });
  const kek = randomBytes(32);
  const [p, e] = await Promise.all([
    createSigningIdentity(
      ca,
      kek,
      { kind: "person", id: "11111111-1111-4111-8111-111111111111", commonName: "王堃" },
      { now: ISSUED_AT },
    ),
    createSigningIdentity(
      ca,
      kek,
      {
        kind: "employer",
        id: "22222222-2222-4222-8222-222222222222",
        commonName: "上海建和工程咨询有限公司",
        organization: "上海建和工程咨询有限公司",
      },
      { now: ISSUED_AT },
    ),
  ]);
  applicant = { certificatePem: p.certificatePem, privateKeyPem: p.privateKeyPem, caCertificatePem: ca.certificatePem };
  employer = { certificatePem: e.certificatePem, privateKeyPem: e.privateKeyPem, caCertificatePem: ca.certificatePem };
  signatureImage = await sampleSignature();
  form = await renderApplicationForm(sampleForm({ photo: await samplePhoto(), signatureImage }));
  signedOnce = await signPdf(form, applicant, {
    role: "applicant",
    name: "王堃",
    reason: "申请人确认申请表内容",
    location: "上海",
    signedAt: APPLICANT_AT,
    image: signatureImage,
  });
  signedTwice = await signPdf(signedOnce, employer, {
    role: "employer",
    name: "上海建和工程咨询有限公司",
    reason: "聘用单位签名确认",
    signedAt: EMPLOYER_AT,
  });
}, 120_000);

describe("signPdf + verifyPdfSignatures", () => {
  it("appends each signature as an incremental update", () => {
    expect(Buffer.from(signedOnce.subarray(0, form.length)).equals(Buffer.from(form))).toBe(true);
    expect(Buffer.from(signedTwice.subarray(0, signedOnce.length)).equals(Buffer.from(signedOnce))).toBe(true);
  });

  it("the applicant's signature verifies and covers the whole document after the first signing", () => {
    const [s] = verifyPdfSignatures(signedOnce, ca.certificatePem);
    expect(s).toMatchObject({
      fieldName: "applicant",
      signerCommonName: "王堃",
      name: "王堃",
      reason: "申请人确认申请表内容",
      location: "上海",
      byteRangeCoversRevision: true,
      digestMatches: true,
      signatureValid: true,
      chainsToTrustedCa: true,
      coversWholeDocument: true,
      valid: true,
    });
    expect(s!.signingTime?.toISOString()).toBe(APPLICANT_AT.toISOString());
    expect(s!.revisionEnd).toBe(signedOnce.length);
  });

  it("after the employer signs, both signatures verify and the applicant's ByteRange is unchanged", () => {
    const first = verifyPdfSignatures(signedOnce, ca.certificatePem)[0]!;
    const both = verifyPdfSignatures(signedTwice, ca.certificatePem);
    expect(both).toHaveLength(2);
    const [a, e] = both;
    expect(a).toMatchObject({
      fieldName: "applicant",
      valid: true,
      coversWholeDocument: false,
      signerCommonName: "王堃",
    });
    expect(a!.byteRange).toEqual(first.byteRange);
    expect(a!.revisionEnd).toBe(signedOnce.length);
    expect(e).toMatchObject({
      fieldName: "employer",
      valid: true,
      coversWholeDocument: true,
      signerCommonName: "上海建和工程咨询有限公司",
      signerOrganization: "上海建和工程咨询有限公司",
    });
    expect(e!.signingTime?.toISOString()).toBe(EMPLOYER_AT.toISOString());
    expect(e!.errors).toEqual([]);
  });

  it("shows both visible signature blocks", () => {
    renderPages(signedTwice, "application-form-signed");
    const text = pdfText(signedTwice);
    expect(text).toContain("申请人：王堃");
    expect(text).toContain("聘用单位：上海建和工程咨询有限公司");
    expect(text.split("已数字签名").length - 1).toBe(2);
    expect(text).toContain("时间：2026-11-3015:00:00");
    expect(text).toContain("时间：2026-12-0109:30:00");
  });

  it("changing one byte inside a signed range breaks verification", () => {
    const [a, e] = verifyPdfSignatures(signedTwice, ca.certificatePem);
    // A byte of the original form (inside both signatures' ranges).
    const tampered = Buffer.from(signedTwice);
    const at = Math.floor(a!.byteRange[1] / 2);
    tampered[at] = tampered[at]! ^ 0x01;
    const after = verifyPdfSignatures(tampered, ca.certificatePem);
    expect(after[0]).toMatchObject({ digestMatches: false, valid: false });
    expect(after[1]).toMatchObject({ digestMatches: false, valid: false });

    // A byte only the employer's signature covers (after the applicant's revision).
    const late = Buffer.from(signedTwice);
    const at2 = a!.revisionEnd + 10;
    expect(at2).toBeLessThan(e!.byteRange[1]);
    late[at2] = late[at2]! ^ 0x01;
    const after2 = verifyPdfSignatures(late, ca.certificatePem);
    expect(after2[0]).toMatchObject({ valid: true });
    expect(after2[1]).toMatchObject({ digestMatches: false, valid: false });
  });

  it("reports appended bytes: earlier signatures no longer cover the whole document", () => {
    const appended = Buffer.concat([Buffer.from(signedOnce), Buffer.from("\n% appended\n")]);
    const [s] = verifyPdfSignatures(appended, ca.certificatePem);
    expect(s).toMatchObject({ valid: true, coversWholeDocument: false });
  });

  it("a signature by a certificate from another CA is reported untrusted", async () => {
    const foreign = await createRootCertificateAuthority({
      commonName: "执业注册平台 电子认证根证书",
      bits: 2048,
      now: ISSUED_AT,
    });
    const mallory = await createSigningIdentity(
      foreign,
      randomBytes(32),
      { kind: "person", id: "x", commonName: "王堃" },
      { now: ISSUED_AT },
    );
    const forged = await signPdf(
      form,
      {
        certificatePem: mallory.certificatePem,
        privateKeyPem: mallory.privateKeyPem,
        caCertificatePem: foreign.certificatePem,
      },
      { role: "applicant", name: "王堃", reason: "伪造", signedAt: APPLICANT_AT },
    );
    const [s] = verifyPdfSignatures(forged, ca.certificatePem);
    expect(s).toMatchObject({ digestMatches: true, signatureValid: true, chainsToTrustedCa: false, valid: false });
    expect(s!.errors.join(" ")).toMatch(/not trusted/);
    // …and it is trusted by its own CA, so the failure is the chain, not the signature.
    expect(verifyPdfSignatures(forged, foreign.certificatePem)[0]).toMatchObject({ valid: true });
  }, 60_000);

  it("refuses to sign an already signed field and adds a new field when a rect is given", async () => {
    await expect(
      signPdf(signedOnce, applicant, { role: "applicant", name: "王堃", reason: "again", signedAt: APPLICANT_AT }),
    ).rejects.toThrow(/already signed/);
    const extra = await signPdf(signedTwice, applicant, {
      role: "applicant",
      name: "王堃",
      reason: "补充签名",
      signedAt: EMPLOYER_AT,
      page: 0,
      rect: [360, 40, 200, 56],
    });
    const all = verifyPdfSignatures(extra, ca.certificatePem);
    expect(all.map((s) => [s.fieldName, s.valid])).toEqual([
      ["applicant", true],
      ["employer", true],
      ["applicant-2", true],
    ]);
  }, 30_000);

  it("signs a PDF saved with cross-reference streams (normalised first, default field position)", async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595.28, 841.89]);
    const plain = await doc.save(); // pdf-lib default: object + xref streams
    const signed = await signPdf(plain, applicant, {
      role: "applicant",
      name: "王堃",
      reason: "测试",
      signedAt: APPLICANT_AT,
    });
    expect(verifyPdfSignatures(signed, ca.certificatePem)).toMatchObject([
      { fieldName: "applicant", valid: true, coversWholeDocument: true },
    ]);
  }, 30_000);

  it.skipIf(!hasTool("openssl"))("OpenSSL independently verifies each CMS against the portal CA", () => {
    const dir = tempDir();
    try {
      fs.writeFileSync(path.join(dir, "ca.pem"), ca.certificatePem);
      for (const [i, s] of verifyPdfSignatures(signedTwice, ca.certificatePem).entries()) {
        const [a, b, c, d] = s.byteRange;
        const bytes = Buffer.from(signedTwice);
        fs.writeFileSync(
          path.join(dir, `data${i}`),
          Buffer.concat([bytes.subarray(a, a + b), bytes.subarray(c, c + d)]),
        );
        const hex = bytes.subarray(b + 1, c - 1).toString("latin1");
        fs.writeFileSync(path.join(dir, `sig${i}`), Buffer.from(hex, "hex"));
        execFileSync(
          "openssl",
          [
            "cms",
            "-verify",
            "-binary",
            "-inform",
            "DER",
            "-in",
            path.join(dir, `sig${i}`),
            "-content",
            path.join(dir, `data${i}`),
            "-CAfile",
            path.join(dir, "ca.pem"),
            "-purpose",
            "any",
            "-out",
            "/dev/null",
          ],
          { stdio: ["ignore", "pipe", "pipe"] }, // throws unless "CMS Verification successful"
        );
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!hasTool("pdfsig"))("poppler's pdfsig (NSS) reports both signatures valid", () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, "signed.pdf");
      fs.writeFileSync(file, signedTwice);
      let out: string;
      try {
        out = execFileSync("pdfsig", [file], { stdio: ["ignore", "pipe", "pipe"] }).toString();
      } catch (e) {
        out = String((e as { stdout?: Buffer }).stdout ?? ""); // exits non-zero for the untrusted issuer
      }
      expect(out.match(/Signature is Valid/g)).toHaveLength(2);
      expect(out).toContain("Signature Field Name: applicant");
      expect(out).toContain("Signature Field Name: employer");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
