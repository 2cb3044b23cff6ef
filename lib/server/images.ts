import sharp from "sharp";

export type DetectedImage = { format: "jpg" | "png"; width: number; height: number };

/** The real type of an upload, read from its content (the file name and browser-sent type are not trusted). */
export async function detectImage(bytes: Uint8Array): Promise<DetectedImage | null> {
  try {
    const meta = await sharp(bytes, { failOn: "error" }).metadata();
    if ((meta.format !== "jpeg" && meta.format !== "png") || !meta.width || !meta.height) return null;
    return { format: meta.format === "jpeg" ? "jpg" : "png", width: meta.width, height: meta.height };
  } catch {
    return null;
  }
}

export type ReencodeTarget =
  /** ID photo: cropped to the program's recommended size. */
  | { kind: "photo"; width?: number; height?: number; maxBytes: number }
  /** Handwritten signature: fitted onto white at the recommended size, nothing cropped. */
  | { kind: "signature"; width?: number; height?: number; maxBytes: number }
  /** Scans: orientation fixed, at most 2400 px on the long side. */
  | { kind: "document"; maxBytes: number };

/**
 * Re-encodes an image to a clean JPEG: applies EXIF orientation, drops all metadata (EXIF/GPS/ICC/XMP — sharp keeps
 * none unless asked), resizes to the target, and lowers quality until the result fits the program's byte limit.
 */
export async function reencodeImage(bytes: Uint8Array, target: ReencodeTarget): Promise<Buffer> {
  const base = () => {
    const img = sharp(bytes).rotate().flatten({ background: "#ffffff" });
    if (target.kind === "document")
      return img.resize({ width: 2400, height: 2400, fit: "inside", withoutEnlargement: true });
    if (!target.width || !target.height)
      return img.resize({ width: 1200, height: 1200, fit: "inside", withoutEnlargement: true });
    return target.kind === "photo"
      ? img.resize({ width: target.width, height: target.height, fit: "cover", position: "attention" })
      : img.resize({ width: target.width, height: target.height, fit: "contain", background: "#ffffff" });
  };
  let out = Buffer.alloc(0);
  for (const quality of [90, 82, 74, 66, 58, 50, 42, 34]) {
    out = await base().jpeg({ quality, mozjpeg: true }).toBuffer();
    if (out.length <= target.maxBytes) return out;
  }
  return out;
}
