/**
 * Empty signature fields created when a document is generated, so the signing step (sign-pdf.ts) only fills them
 * in an incremental update and the visible signature blocks land exactly in the boxes the layout drew.
 */
import { type PDFDict, type PDFDocument, PDFName, type PDFPage, PDFString } from "pdf-lib";

export type SignerRole = "applicant" | "employer" | "authority";

/** Field names (/T) of the pre-created signature fields, one per role. */
export const SIGNATURE_FIELD_NAMES: Readonly<Record<SignerRole, string>> = {
  applicant: "applicant",
  employer: "employer",
  authority: "authority",
};

/** [x, y, width, height] in PDF points, origin bottom-left. */
export type Rect = readonly [number, number, number, number];

export function addSignatureField(pdf: PDFDocument, page: PDFPage, name: string, rect: Rect): void {
  const [x, y, w, h] = rect;
  const context = pdf.context;
  const widget = context.obj({
    Type: "Annot",
    Subtype: "Widget",
    FT: "Sig",
    T: PDFString.of(name),
    Rect: [x, y, x + w, y + h],
    F: 4, // print
    P: page.ref,
  }) as PDFDict;
  const ref = context.register(widget);
  page.node.addAnnot(ref);
  const acroForm = pdf.catalog.getOrCreateAcroForm();
  acroForm.addField(ref);
  acroForm.dict.set(PDFName.of("SigFlags"), context.obj(1)); // signatures exist (bit 1)
}
