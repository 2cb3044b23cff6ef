/**
 * Electronic registration certificate (R3): 姓名, 性别, 出生日期, 注册编号, 聘用企业, 注册专业, 有效期至, issuing
 * authority, 个人签名 (image), 签发日期, 签名日期, the photo, and a QR code to the public verification page.
 * The registration number, certificate serial and verification URL are also written into the PDF metadata
 * (Keywords), where verify-pdf.ts `readCertificateReference` finds them. An empty "authority" signature field
 * sits over the issuing authority for the authority's digital signature.
 */
import { PDFDocument, rgb } from "pdf-lib";
import QRCode from "qrcode";
import { collectStrings, embedDocumentFonts } from "./fonts";
import { savePdf, withNativeDeflate } from "./deflate";
import { formatChineseDate } from "./format";
import { embedImage, fit } from "./images";
import { COLORS, FlowWriter, textWidth } from "./layout";
import { addSignatureField, SIGNATURE_FIELD_NAMES } from "./signature-fields";
import { CERTIFICATE_KEYWORDS } from "./verify-pdf";

export interface CertificateData {
  /** Defaults to 中华人民共和国二级造价工程师注册证书 (`中华人民共和国${programName}注册证书`). */
  readonly title?: string;
  readonly programName?: string;
  readonly holder: { readonly name: string; readonly gender: string; readonly birthDate: string };
  readonly registrationNo: string;
  readonly employerName: string;
  /** 注册专业; several are joined with 、 */
  readonly specialties: string | readonly string[];
  /** 有效期至, YYYY-MM-DD */
  readonly validUntil: string;
  /** Issuing authority; a line break splits it (e.g. "上海市\n住房和城乡建设管理委员会"). */
  readonly authorityName: string;
  /** 签发日期 (YYYY-MM-DD or instant) */
  readonly issuedAt: string | Date;
  /** 签名日期: when the holder's signature image was confirmed (YYYY-MM-DD or instant). */
  readonly holderSignedAt?: string | Date;
  readonly photo?: Uint8Array;
  /** 个人签名 image */
  readonly signatureImage?: Uint8Array;
  /** Serial of this certificate issue (changes when re-issued, e.g. after an employer rename, R4). */
  readonly certificateSerial: string;
  /** Target of the QR code; see `certificateVerificationUrl`. */
  readonly verificationUrl: string;
}

export function certificateVerificationUrl(baseUrl: string, registrationNo: string, certificateSerial: string): string {
  return (
    `${baseUrl.replace(/\/+$/, "")}/verify/${encodeURIComponent(registrationNo)}?c=` +
    `${encodeURIComponent(certificateSerial)}`
  );
}

const L = {
  name: "姓\u3000\u3000名",
  gender: "性\u3000\u3000别",
  birthDate: "出生日期",
  registrationNo: "注册编号",
  employer: "聘用企业",
  specialty: "注册专业",
  validUntil: "有效期至",
  colon: "：",
  signature: "个人签名",
  signedAt: "签名日期",
  issuedAt: "签发日期",
  photo: "照片",
  scan: "扫码核验证书真伪",
  serial: "证书序号",
  defaultTitle: "中华人民共和国注册证书",
  sep: "、",
  empty: "—",
} as const;

const PAGE = { width: 841.89, height: 595.28 } as const; // A4 landscape
const GOLD = rgb(0.66, 0.52, 0.22);

export async function renderCertificate(d: CertificateData): Promise<Uint8Array> {
  const title = d.title ?? `中华人民共和国${d.programName ?? "二级造价工程师"}注册证书`;
  const specialties = typeof d.specialties === "string" ? d.specialties : d.specialties.join(L.sep);
  const issued = formatChineseDate(d.issuedAt);
  const holderSigned = d.holderSignedAt ? formatChineseDate(d.holderSignedAt) : L.empty;
  const authorityLines = d.authorityName
    .split(/\n/)
    .map((s) => s.trim())
    .filter(Boolean);

  const pdf = withNativeDeflate(await PDFDocument.create());
  pdf.setTitle(`${title} ${d.registrationNo}`);
  pdf.setSubject(`${L.registrationNo}${L.colon}${d.registrationNo}`);
  pdf.setKeywords([
    `${CERTIFICATE_KEYWORDS.registrationNumber}:${d.registrationNo}`,
    `${CERTIFICATE_KEYWORDS.certificateSerial}:${d.certificateSerial}`,
    `${CERTIFICATE_KEYWORDS.verificationUrl}:${d.verificationUrl}`,
  ]);
  pdf.setCreationDate(typeof d.issuedAt === "string" ? new Date(`${d.issuedAt}T00:00:00+08:00`) : d.issuedAt);

  const staticText = Object.values(L).join("");
  const all =
    staticText +
    collectStrings({ ...d, photo: undefined, signatureImage: undefined }).join("") +
    title +
    specialties +
    issued +
    holderSigned;
  const fonts = await embedDocumentFonts(pdf, all, staticText + title + authorityLines.join(""));
  // FlowWriter adds an A4 portrait page; replace it with a landscape one and draw absolutely.
  const w = new FlowWriter(pdf, fonts);
  pdf.removePage(0);
  const page = pdf.addPage([PAGE.width, PAGE.height]);
  w.page = page;

  // Frame: outer gold, inner thin accent.
  page.drawRectangle({ x: 0, y: 0, width: PAGE.width, height: PAGE.height, color: rgb(0.995, 0.985, 0.955) });
  page.drawRectangle({
    x: 22,
    y: 22,
    width: PAGE.width - 44,
    height: PAGE.height - 44,
    borderColor: GOLD,
    borderWidth: 4,
  });
  page.drawRectangle({
    x: 32,
    y: 32,
    width: PAGE.width - 64,
    height: PAGE.height - 64,
    borderColor: GOLD,
    borderWidth: 0.8,
  });
  for (const [cx, cy] of [
    [32, 32],
    [PAGE.width - 32, 32],
    [32, PAGE.height - 32],
    [PAGE.width - 32, PAGE.height - 32],
  ] as const) {
    page.drawCircle({ x: cx, y: cy, size: 5, color: GOLD });
  }

  // Title.
  const titleSize = Math.min(26, (PAGE.width - 140) / Math.max(1, textWidth(fonts.bold, title, 1)));
  w.text(title, (PAGE.width - textWidth(fonts.bold, title, titleSize)) / 2, PAGE.height - 92, {
    size: titleSize,
    bold: true,
    color: COLORS.seal,
  });
  page.drawLine({
    start: { x: 180, y: PAGE.height - 108 },
    end: { x: PAGE.width - 180, y: PAGE.height - 108 },
    thickness: 1,
    color: GOLD,
  });

  // Photo (left column) and QR code under it.
  const photoBox = { x: 80, y: PAGE.height - 290, w: 120, h: 160 };
  page.drawRectangle({
    x: photoBox.x,
    y: photoBox.y,
    width: photoBox.w,
    height: photoBox.h,
    borderColor: COLORS.line,
    borderWidth: 0.6,
    color: rgb(1, 1, 1),
  });
  if (d.photo) {
    const img = await embedImage(pdf, d.photo);
    const size = fit(img.width, img.height, photoBox.w - 8, photoBox.h - 8);
    page.drawImage(img, {
      x: photoBox.x + (photoBox.w - size.width) / 2,
      y: photoBox.y + (photoBox.h - size.height) / 2,
      ...size,
    });
  } else {
    w.text(
      L.photo,
      photoBox.x + (photoBox.w - textWidth(fonts.regular, L.photo, 11)) / 2,
      photoBox.y + photoBox.h / 2,
      { size: 11, color: COLORS.muted },
    );
  }
  // One pixel per module: the PDF scales it to 96 pt without smoothing (no /Interpolate), so it prints as sharp as a
  // bigger bitmap, while encoding and re-decoding a 6× PNG was a third of the certificate's CPU time (17 of 48 ms).
  const qrPng = await QRCode.toBuffer(d.verificationUrl, {
    type: "png",
    errorCorrectionLevel: "M",
    margin: 1,
    scale: 1,
  });
  const qr = await pdf.embedPng(qrPng);
  const qrSize = 96;
  const qrX = photoBox.x + (photoBox.w - qrSize) / 2;
  const qrY = photoBox.y - 22 - qrSize;
  page.drawImage(qr, { x: qrX, y: qrY, width: qrSize, height: qrSize });
  w.text(L.scan, photoBox.x + (photoBox.w - textWidth(fonts.regular, L.scan, 8.5)) / 2, qrY - 13, {
    size: 8.5,
    color: COLORS.muted,
  });

  // Fields (right of the photo).
  const fx = 250;
  const valueX = fx + 78;
  let y = PAGE.height - 150;
  const rows: [string, string][] = [
    [L.name, d.holder.name],
    [L.gender, d.holder.gender],
    [L.birthDate, d.holder.birthDate],
    [L.registrationNo, d.registrationNo],
    [L.employer, d.employerName],
    [L.specialty, specialties],
    [L.validUntil, d.validUntil],
  ];
  const valueW = PAGE.width - 70 - valueX;
  for (const [label, value] of rows) {
    w.text(`${label}${L.colon}`, fx, y, { size: 13, bold: true });
    const size = Math.min(13, valueW / Math.max(1, textWidth(fonts.regular, value, 1)));
    w.text(value, valueX, y, { size });
    page.drawLine({
      start: { x: valueX, y: y - 5 },
      end: { x: valueX + valueW, y: y - 5 },
      thickness: 0.4,
      color: GOLD,
    });
    y -= 31;
  }

  // Bottom band: holder's signature (left of centre) and the issuing authority (right).
  const bandTop = 232;
  const sx = fx;
  w.text(`${L.signature}${L.colon}`, sx, bandTop - 20, { size: 11, bold: true });
  if (d.signatureImage) {
    const img = await embedImage(pdf, d.signatureImage);
    const size = fit(img.width, img.height, 150, 48);
    page.drawImage(img, { x: sx + 72, y: bandTop - 34, ...size });
  }
  w.text(`${L.signedAt}${L.colon}${holderSigned}`, sx, bandTop - 62, { size: 11 });

  const ax = PAGE.width - 290;
  let ay = bandTop - 10;
  for (const line of authorityLines) {
    const t = line.length <= 4 ? [...line].join(" ") : line;
    w.text(t, ax + (220 - textWidth(fonts.bold, t, 14)) / 2, ay, { size: 14, bold: true });
    ay -= 22;
  }
  const issuedLine = `${L.issuedAt}${L.colon}${issued}`;
  w.text(issuedLine, ax + (220 - textWidth(fonts.regular, issuedLine, 11)) / 2, ay - 4, { size: 11 });
  // The authority's visible signature goes under the date, clear of the text above and the footer below.
  addSignatureField(pdf, page, SIGNATURE_FIELD_NAMES.authority, [ax + 20, ay - 78, 180, 60]);

  // Serial and verification URL in small print along the bottom edge.
  const foot = `${L.serial}${L.colon}${d.certificateSerial}    ${d.verificationUrl}`;
  const footSize = Math.min(7.5, (PAGE.width - 100) / Math.max(1, textWidth(fonts.regular, foot, 1)));
  w.text(foot, (PAGE.width - textWidth(fonts.regular, foot, footSize)) / 2, 42, {
    size: footSize,
    color: COLORS.muted,
  });

  return savePdf(pdf);
}
