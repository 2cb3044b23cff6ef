/**
 * Visible, CMS-signed PDF signatures added as incremental updates, so a later signature (the employer's after the
 * applicant's, the authority's on a certificate) leaves every earlier one valid: the earlier ByteRange still
 * covers exactly the bytes it covered, which are never rewritten.
 *
 * How: the document is parsed with pdf-lib only to *build* the new objects (signature dictionary, appearance
 * XObject with its font subset and image, the filled-in field/widget, AcroForm SigFlags). Nothing is re-saved:
 * the changed and new objects are appended with their own xref section (incremental.ts), then the /ByteRange is
 * patched in place and a detached CMS over the two ranges is written into the /Contents placeholder (cms.ts).
 *
 * If the document already has an empty signature field named after the role (created by the generators, see
 * signature-fields.ts), that field is filled; otherwise a new field is created at `appearance.rect`/`page`
 * (default: bottom-right of the last page).
 */
import { createHash } from "node:crypto";
import {
  degrees,
  drawImage,
  drawRectangle,
  drawText,
  popGraphicsState,
  pushGraphicsState,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
  rgb,
  type PDFFont,
  type PDFImage,
  type PDFOperator,
} from "pdf-lib";
import { createDetachedCms } from "./cms";
import { withNativeDeflate } from "./deflate";
import { embedCjkFont } from "./fonts";
import { formatDateTime, pdfDate } from "./format";
import { embedImage, fit } from "./images";
import {
  appendIncrementalUpdate,
  changedObjects,
  hasClassicXref,
  pdfTextString,
  serializeObject,
  snapshotObjects,
} from "./incremental";
import { addSignatureField, SIGNATURE_FIELD_NAMES, type Rect, type SignerRole } from "./signature-fields";

export type { SignerRole } from "./signature-fields";

const ROLE_LABELS: Readonly<Record<SignerRole, string>> = {
  applicant: "申请人",
  employer: "聘用单位",
  authority: "审批机构",
};

export interface PdfSigner {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
  /** Embedded in the CMS so verifiers can build the chain. */
  readonly caCertificatePem: string;
}

export interface SignatureAppearance {
  readonly role: SignerRole;
  /** Person's name or organisation name shown in the block and stored as the signature's /Name. */
  readonly name: string;
  readonly reason: string;
  readonly location?: string;
  readonly signedAt: Date;
  /** 0-based page index for a new field (default: last page). Ignored when a pre-created field is filled. */
  readonly page?: number;
  /** [x, y, w, h] for a new field; giving it forces a new field even if a pre-created one exists. */
  readonly rect?: Rect;
  /** Signature image (PNG/JPEG) drawn at the left of the block. */
  readonly image?: Uint8Array;
}

/** Bytes reserved for the CMS (hex doubles it). A 2048-bit signer + 3072-bit CA cert needs ≈3 KiB. */
const SIGNATURE_RESERVE = 8192;
const BYTE_RANGE_PLACEHOLDER = "0 0000000000 0000000000 0000000000";

const ALREADY_SIGNED = "已数字签名";
const TIME_LABEL = "时间：";

class PdfSigningError extends Error {}

function fieldName(dict: PDFDict): string | undefined {
  const t = dict.lookup(PDFName.of("T"));
  return t instanceof PDFString || t instanceof PDFHexString ? t.decodeText() : undefined;
}

interface FieldTarget {
  readonly ref: PDFRef;
  readonly dict: PDFDict;
  readonly pageRef: PDFRef;
  readonly rect: Rect;
}

function findEmptyField(doc: PDFDocument, name: string): FieldTarget | null {
  const acroForm = doc.catalog.getAcroForm();
  const fields = acroForm?.dict.lookupMaybe(PDFName.of("Fields"), PDFArray);
  if (!fields) return null;
  for (let i = 0; i < fields.size(); i++) {
    const ref = fields.get(i);
    if (!(ref instanceof PDFRef)) continue;
    const dict = doc.context.lookupMaybe(ref, PDFDict);
    if (!dict || fieldName(dict) !== name) continue;
    if (dict.get(PDFName.of("FT")) !== PDFName.of("Sig")) continue;
    if (dict.has(PDFName.of("V"))) throw new PdfSigningError(`signature field "${name}" is already signed`);
    const r = dict.lookup(PDFName.of("Rect"), PDFArray);
    const nums = r.asArray().map((n) => (n as PDFNumber).asNumber());
    const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = nums;
    let pageRef = dict.get(PDFName.of("P"));
    if (!(pageRef instanceof PDFRef)) {
      pageRef = doc.getPages().find((p) =>
        p.node
          .Annots()
          ?.asArray()
          .some((a) => a === ref),
      )?.ref;
    }
    if (!(pageRef instanceof PDFRef)) throw new PdfSigningError(`signature field "${name}" is on no page`);
    return { ref, dict, pageRef, rect: [Math.min(x1, x2), Math.min(y1, y2), Math.abs(x2 - x1), Math.abs(y2 - y1)] };
  }
  return null;
}

function uniqueFieldName(doc: PDFDocument, base: string): string {
  const taken = new Set<string>();
  const fields = doc.catalog.getAcroForm()?.dict.lookupMaybe(PDFName.of("Fields"), PDFArray);
  for (const ref of fields?.asArray() ?? []) {
    const d = doc.context.lookupMaybe(ref, PDFDict);
    const n = d && fieldName(d);
    if (n) taken.add(n);
  }
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** Appearance stream operators for the visible block (w × h), given the embedded font and optional image. */
function appearanceOperators(
  w: number,
  h: number,
  font: PDFFont,
  image: PDFImage | undefined,
  lines: readonly { text: string; size: number }[],
  color: ReturnType<typeof rgb>,
): PDFOperator[] {
  const ops: PDFOperator[] = [pushGraphicsState()];
  const zero = degrees(0);
  ops.push(
    ...drawRectangle({
      x: 0.5,
      y: 0.5,
      width: w - 1,
      height: h - 1,
      borderWidth: 1,
      color: rgb(0.96, 0.97, 1),
      borderColor: color,
      rotate: zero,
      xSkew: zero,
      ySkew: zero,
    }),
  );
  let textX = 6;
  if (image) {
    const size = fit(image.width, image.height, Math.min(w * 0.4, 120), h - 10);
    ops.push(...drawImage("Im0", { x: 5, y: (h - size.height) / 2, ...size, rotate: zero, xSkew: zero, ySkew: zero }));
    textX = 5 + size.width + 6;
  }
  const avail = w - textX - 5;
  // Shrink the text block uniformly until every line fits the width and the lines fit the height.
  let scale = 1;
  for (const l of lines) scale = Math.min(scale, avail / Math.max(1, font.widthOfTextAtSize(l.text, l.size)));
  const totalH = lines.reduce((s, l) => s + l.size * 1.3, 0);
  scale = Math.min(scale, (h - 6) / totalH);
  let y = h - (h - totalH * scale) / 2;
  for (const l of lines) {
    const size = l.size * scale;
    y -= size * 1.3;
    ops.push(
      ...drawText(font.encodeText(l.text), {
        color,
        font: "F0",
        size,
        x: textX,
        y: y + size * 0.25,
        rotate: zero,
        xSkew: zero,
        ySkew: zero,
      }),
    );
  }
  ops.push(popGraphicsState());
  return ops;
}

export async function signPdf(
  pdf: Uint8Array,
  signer: PdfSigner,
  appearance: SignatureAppearance,
): Promise<Uint8Array> {
  let input = pdf;
  if (!hasClassicXref(input)) {
    // Cross-reference streams: only safe to normalise while nothing is signed yet.
    if (Buffer.from(input.buffer, input.byteOffset, input.byteLength).includes("/ByteRange")) {
      throw new PdfSigningError("cannot add a signature to a signed PDF that uses cross-reference streams");
    }
    const doc = await PDFDocument.load(input, { updateMetadata: false });
    input = await doc.save({ useObjectStreams: false });
  }

  const doc = withNativeDeflate(await PDFDocument.load(input, { updateMetadata: false }));
  const context = doc.context;
  const snap = snapshotObjects(context);
  const largestBefore = context.largestObjectNumber;

  // 1. The field to fill (pre-created) or a new one.
  const baseName = SIGNATURE_FIELD_NAMES[appearance.role];
  let target = appearance.rect ? null : findEmptyField(doc, baseName);
  if (!target) {
    const pages = doc.getPages();
    const pageIndex = appearance.page ?? pages.length - 1;
    const page = pages[pageIndex];
    if (!page) throw new PdfSigningError(`page ${pageIndex} does not exist`);
    const { width } = page.getSize();
    const rect: Rect = appearance.rect ?? [width - 42 - 240, 56, 240, 66];
    const name = uniqueFieldName(doc, baseName);
    addSignatureField(doc, page, name, rect);
    target = findEmptyField(doc, name);
    if (!target) throw new PdfSigningError("failed to create the signature field");
  }

  // 2. The visible block: its own small font subset, the optional image, a form XObject.
  const [, , w, h] = target.rect;
  const roleLine = `${ROLE_LABELS[appearance.role]}：${appearance.name}`;
  const tail = [
    { text: ALREADY_SIGNED, size: 9 },
    { text: `${TIME_LABEL}${formatDateTime(appearance.signedAt)}`, size: 8 },
  ];
  const { font } = await embedCjkFont(doc, roleLine + tail.map((l) => l.text).join(""), "regular");
  const image = appearance.image ? await embedImage(doc, appearance.image) : undefined;
  // Long organisation names: put the name on its own line rather than shrinking everything.
  const textRoom = w - 11 - (image ? fit(image.width, image.height, Math.min(w * 0.4, 120), h - 10).width + 6 : 0);
  const lines =
    font.widthOfTextAtSize(roleLine, 11) > textRoom
      ? [{ text: `${ROLE_LABELS[appearance.role]}：`, size: 9 }, { text: appearance.name, size: 11 }, ...tail]
      : [{ text: roleLine, size: 11 }, ...tail];
  const color = appearance.role === "authority" ? rgb(0.72, 0.08, 0.08) : rgb(0.07, 0.26, 0.52);
  const resources: Record<string, unknown> = { Font: { F0: font.ref } };
  if (image) resources.XObject = { Im0: image.ref };
  const xobject = context.formXObject(appearanceOperators(w, h, font, image, lines, color), {
    BBox: [0, 0, w, h],
    Resources: context.obj(resources as never),
  });
  const apRef = context.register(xobject);
  await doc.flush(); // writes the font and image objects into the context

  // 3. Link field → signature dictionary and appearance; mark the form as signed.
  const sigRef = context.nextRef();
  target.dict.set(PDFName.of("V"), sigRef);
  target.dict.set(PDFName.of("AP"), context.obj({ N: apRef }));
  target.dict.set(PDFName.of("F"), PDFNumber.of(4 | 128)); // print, locked
  const acroForm = doc.catalog.getOrCreateAcroForm();
  acroForm.dict.set(PDFName.of("SigFlags"), PDFNumber.of(3)); // signatures exist, append only

  // 4. Append everything that changed, plus the raw signature dictionary with placeholders.
  const objects = changedObjects(context, snap, largestBefore).map(([ref, obj]) => ({
    objectNumber: ref.objectNumber,
    generation: ref.generationNumber,
    body: serializeObject(obj),
  }));
  const contentsPlaceholder = "0".repeat(SIGNATURE_RESERVE * 2);
  const sigDict = [
    "<<",
    "/Type /Sig",
    "/Filter /Adobe.PPKLite",
    "/SubFilter /adbe.pkcs7.detached",
    `/ByteRange [${BYTE_RANGE_PLACEHOLDER}]`,
    `/Contents <${contentsPlaceholder}>`,
    `/M (${pdfDate(appearance.signedAt)})`,
    `/Name ${pdfTextString(appearance.name)}`,
    `/Reason ${pdfTextString(appearance.reason)}`,
    ...(appearance.location ? [`/Location ${pdfTextString(appearance.location)}`] : []),
    "/Prop_Build << /App << /Name /ZhiyeZhucePingtai >> >>",
    ">>",
  ].join("\n");
  objects.push({ objectNumber: sigRef.objectNumber, generation: 0, body: Buffer.from(sigDict, "latin1") });
  const { bytes, bodyOffsets } = appendIncrementalUpdate(input, objects, {
    size: context.largestObjectNumber + 1,
    root: context.trailerInfo.Root as PDFRef,
    info: context.trailerInfo.Info,
    id: context.trailerInfo.ID,
  });

  // 5. ByteRange = everything except the <…> of /Contents; patch it in place, then sign.
  const sigBody = bodyOffsets.get(sigRef.objectNumber)!;
  const contentsStart = sigBody + sigDict.indexOf(`/Contents <`) + "/Contents ".length; // at '<'
  const contentsEnd = contentsStart + contentsPlaceholder.length + 2; // after '>'
  const byteRange = [0, contentsStart, contentsEnd, bytes.length - contentsEnd];
  const brText = byteRange.join(" ").padEnd(BYTE_RANGE_PLACEHOLDER.length, " ");
  if (brText.length !== BYTE_RANGE_PLACEHOLDER.length)
    throw new PdfSigningError("ByteRange does not fit its placeholder");
  const brAt = sigBody + sigDict.indexOf(BYTE_RANGE_PLACEHOLDER);
  bytes.write(brText, brAt, "latin1");

  const digest = createHash("sha256")
    .update(bytes.subarray(0, contentsStart))
    .update(bytes.subarray(contentsEnd))
    .digest();
  const cms = createDetachedCms({
    digest,
    signingTime: appearance.signedAt,
    certificatePem: signer.certificatePem,
    chainPems: [signer.caCertificatePem],
    privateKeyPem: signer.privateKeyPem,
  });
  if (cms.length > SIGNATURE_RESERVE)
    throw new PdfSigningError(`CMS of ${cms.length} bytes exceeds the reserved ${SIGNATURE_RESERVE}`);
  bytes.write(cms.toString("hex").toUpperCase(), contentsStart + 1, "latin1");
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
