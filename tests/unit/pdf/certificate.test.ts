import { randomBytes } from "node:crypto";
import QRCode from "qrcode";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { renderAcceptanceNotice } from "@/lib/server/pdf/acceptance-notice";
import { certificateVerificationUrl, renderCertificate, type CertificateData } from "@/lib/server/pdf/certificate";
import { signPdf } from "@/lib/server/pdf/sign-pdf";
import { readCertificateReference, verifyPdfSignatures } from "@/lib/server/pdf/verify-pdf";
import { createRootCertificateAuthority, createSigningIdentity } from "@/lib/server/pki";
import { samplePhoto, sampleSignature } from "./fixtures";
import { pdfImages, pdfText, renderPages } from "./helpers";

const REG_NO = "建[造]22631310001234";
const SERIAL = "C2026-000123";
const URL_ = certificateVerificationUrl("https://zhuce.example.gov.cn/", REG_NO, SERIAL);

let data: CertificateData;
let pdf: Uint8Array;

beforeAll(async () => {
  data = {
    holder: { name: "李喆", gender: "女", birthDate: "1990-07-21" },
    registrationNo: REG_NO,
    employerName: "上海建和工程咨询有限公司",
    specialties: ["土木建筑工程", "安装工程"],
    validUntil: "2030-12-14",
    authorityName: "上海市\n住房和城乡建设管理委员会",
    issuedAt: "2026-12-15",
    holderSignedAt: new Date("2026-11-30T07:00:00Z"),
    photo: await samplePhoto(),
    signatureImage: await sampleSignature(),
    certificateSerial: SERIAL,
    verificationUrl: URL_,
  };
  pdf = await renderCertificate(data);
}, 60_000);

/** Reads a QR image's module grid (dark = true) by sampling module centres. */
async function readModules(png: Buffer, size: number, margin: number): Promise<boolean[][]> {
  const { data: px, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  const cell = info.width / (size + 2 * margin);
  return Array.from({ length: size }, (_, r) =>
    Array.from({ length: size }, (_, c) => {
      const x = Math.floor((c + margin + 0.5) * cell);
      const y = Math.floor((r + margin + 0.5) * cell);
      return px[y * info.width + x]! < 128;
    }),
  );
}

describe("electronic certificate PDF", () => {
  it("builds the verification URL", () => {
    expect(URL_).toBe("https://zhuce.example.gov.cn/verify/%E5%BB%BA%5B%E9%80%A0%5D22631310001234?c=C2026-000123");
  });

  it("contains the R3 fields", () => {
    renderPages(pdf, "certificate");
    const text = pdfText(pdf);
    for (const s of [
      "中华人民共和国二级造价工程师注册证书",
      "姓　　名：李喆",
      "性　　别：女",
      "出生日期：1990-07-21",
      `注册编号：${REG_NO}`,
      "聘用企业：上海建和工程咨询有限公司",
      "注册专业：土木建筑工程、安装工程",
      "有效期至：2030-12-14",
      "上海市",
      "住房和城乡建设管理委员会",
      "个人签名：",
      "签名日期：2026年11月30日",
      "签发日期：2026年12月15日",
      URL_,
    ]) {
      expect(text).toContain(s.replace(/\s+/g, ""));
    }
  });

  it("embeds a QR code that encodes exactly the verification URL", async () => {
    const expected = QRCode.create(URL_, { errorCorrectionLevel: "M" }).modules;
    const images = pdfImages(pdf);
    const decoded = await Promise.all(
      images.map(async (png) => {
        const meta = await sharp(png).metadata();
        // The QR image is square with a 1-module margin.
        if (meta.width !== meta.height) return null;
        return readModules(png, expected.size, 1);
      }),
    );
    const want = Array.from({ length: expected.size }, (_, r) =>
      Array.from({ length: expected.size }, (_, c) => expected.get(r, c) === 1),
    );
    expect(decoded.some((m) => m && JSON.stringify(m) === JSON.stringify(want))).toBe(true);
  });

  it("exposes the registration number in the metadata, also after signing", async () => {
    expect(await readCertificateReference(pdf)).toEqual({
      registrationNumber: REG_NO,
      certificateSerial: SERIAL,
      verificationUrl: URL_,
    });
    const ca = await createRootCertificateAuthority({ bits: 2048 });
    const authority = await createSigningIdentity(ca, randomBytes(32), {
      kind: "authority",
      id: "33333333-3333-4333-8333-333333333333",
      commonName: "上海市住房和城乡建设管理委员会",
      organization: "上海市住房和城乡建设管理委员会",
    });
    const signed = await signPdf(
      pdf,
      { ...authority, caCertificatePem: ca.certificatePem },
      {
        role: "authority",
        name: "上海市住房和城乡建设管理委员会",
        reason: "电子证书签发",
        signedAt: new Date("2026-12-15T02:00:00Z"),
      },
    );
    renderPages(signed, "certificate-signed");
    expect(verifyPdfSignatures(signed, ca.certificatePem)).toMatchObject([
      { fieldName: "authority", valid: true, coversWholeDocument: true },
    ]);
    expect((await readCertificateReference(signed))?.registrationNumber).toBe(REG_NO);
    expect(await readCertificateReference(new Uint8Array([1, 2, 3]))).toBeNull();
  }, 60_000);
});

describe("acceptance notice PDF", () => {
  it("contains the authority, 受理编号, applicant, type and date", async () => {
    const notice = await renderAcceptanceNotice({
      authorityName: "上海市住房和城乡建设管理委员会",
      acceptanceNo: "W2026113100001",
      applicantName: "陈玥",
      employerName: "上海建和工程咨询有限公司",
      programName: "二级造价工程师",
      typeLabel: "初始注册",
      submittedAt: new Date("2026-12-01T01:30:00Z"),
      acceptedAt: new Date("2026-12-01T02:00:00Z"),
      contactPhone: "021-12345678",
    });
    renderPages(notice, "acceptance-notice");
    const text = pdfText(notice);
    for (const s of [
      "行政审批受理通知书",
      "上海市住房和城乡建设管理委员会",
      "编号：W2026113100001",
      "陈玥：",
      "二级造价工程师初始注册",
      "予以受理",
      "受理日期2026年12月1日",
      "上海建和工程咨询有限公司",
    ]) {
      expect(text).toContain(s);
    }
  }, 30_000);
});
