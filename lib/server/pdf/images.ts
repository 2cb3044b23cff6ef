/** Embeds user images (photos, signature scans) whatever their upload format: JPEG/PNG directly, others via sharp. */
import type { PDFDocument, PDFImage } from "pdf-lib";

function imageKind(bytes: Uint8Array): "jpeg" | "png" | "other" {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
    return "png";
  return "other";
}

export async function embedImage(pdf: PDFDocument, bytes: Uint8Array): Promise<PDFImage> {
  const kind = imageKind(bytes);
  if (kind === "jpeg") {
    try {
      return await pdf.embedJpg(bytes);
    } catch {
      // CMYK/progressive oddities pdf-lib rejects: normalise below.
    }
  } else if (kind === "png") {
    try {
      return await pdf.embedPng(bytes);
    } catch {
      // 16-bit / unusual PNGs: normalise below.
    }
  }
  const { default: sharp } = await import("sharp");
  const png = await sharp(bytes).rotate().png().toBuffer();
  return pdf.embedPng(png);
}

/** Scales (w, h) to fit inside (maxW, maxH), keeping the aspect ratio. */
export function fit(w: number, h: number, maxW: number, maxH: number): { width: number; height: number } {
  const s = Math.min(maxW / w, maxH / h);
  return { width: w * s, height: h * s };
}
