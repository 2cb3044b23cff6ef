/**
 * Incremental updates (ISO 32000-1 §7.5.6): new and changed objects are appended after the existing bytes with a
 * cross-reference section whose trailer points back (/Prev) to the previous one. The original bytes — and with
 * them every earlier signature's ByteRange — stay untouched.
 */
import { PDFRef, PDFStream, type PDFContext, type PDFObject } from "pdf-lib";

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");

export function serializeObject(obj: PDFObject): Buffer {
  const buf = Buffer.alloc(obj.sizeInBytes());
  obj.copyBytesInto(buf, 0);
  return buf;
}

/** Offset named by the last `startxref` of the file. */
function lastStartXref(pdf: Uint8Array): number {
  const tail = latin1(pdf.subarray(Math.max(0, pdf.length - 2048)));
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!m) throw new Error("PDF has no startxref/%%EOF at its end");
  return Number(m[1]);
}

/** True when the last cross-reference section is a classic `xref` table (not a cross-reference stream). */
export function hasClassicXref(pdf: Uint8Array): boolean {
  const at = lastStartXref(pdf);
  return latin1(pdf.subarray(at, at + 4)) === "xref";
}

/** Serialized form of every non-stream indirect object, to detect which ones a later edit modified. */
export function snapshotObjects(context: PDFContext): Map<string, Buffer> {
  const snap = new Map<string, Buffer>();
  for (const [ref, obj] of context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFStream)) snap.set(ref.tag, serializeObject(obj));
  }
  return snap;
}

/** Objects created after the snapshot (number above `largestBefore`) or whose serialization changed. */
export function changedObjects(
  context: PDFContext,
  snap: Map<string, Buffer>,
  largestBefore: number,
): [PDFRef, PDFObject][] {
  const out: [PDFRef, PDFObject][] = [];
  for (const [ref, obj] of context.enumerateIndirectObjects()) {
    if (ref.objectNumber > largestBefore) out.push([ref, obj]);
    else if (!(obj instanceof PDFStream)) {
      const before = snap.get(ref.tag);
      if (!before?.equals(serializeObject(obj))) out.push([ref, obj]);
    }
  }
  return out;
}

export interface RawObject {
  readonly objectNumber: number;
  readonly generation: number;
  readonly body: Buffer;
}

export interface IncrementalTrailer {
  readonly size: number;
  readonly root: PDFRef;
  readonly info?: PDFObject;
  readonly id?: PDFObject;
}

/**
 * Appends `objects` plus an xref section and trailer to `pdf`. Returns the new file and the byte offset at which
 * each object's body starts (so callers can patch placeholders in place).
 */
export function appendIncrementalUpdate(
  pdf: Uint8Array,
  objects: readonly RawObject[],
  trailer: IncrementalTrailer,
): { bytes: Buffer; bodyOffsets: Map<number, number> } {
  const prev = lastStartXref(pdf);
  const parts: Buffer[] = [Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength)];
  let length = pdf.length;
  const push = (b: Buffer) => {
    parts.push(b);
    length += b.length;
  };
  if (pdf[pdf.length - 1] !== 0x0a && pdf[pdf.length - 1] !== 0x0d) push(Buffer.from("\n"));

  const offsets = new Map<number, number>();
  const bodyOffsets = new Map<number, number>();
  const sorted = [...objects].sort((a, b) => a.objectNumber - b.objectNumber);
  for (const o of sorted) {
    offsets.set(o.objectNumber, length);
    const head = Buffer.from(`${o.objectNumber} ${o.generation} obj\n`, "latin1");
    push(head);
    bodyOffsets.set(o.objectNumber, length);
    push(o.body);
    push(Buffer.from("\nendobj\n", "latin1"));
  }

  const xrefAt = length;
  let xref = "xref\n";
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]!.objectNumber === sorted[j]!.objectNumber + 1) j++;
    xref += `${sorted[i]!.objectNumber} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      const o = sorted[k]!;
      xref += `${String(offsets.get(o.objectNumber)).padStart(10, "0")} ${String(o.generation).padStart(5, "0")} n \n`;
    }
    i = j + 1;
  }
  const entries = [`/Size ${trailer.size}`, `/Root ${trailer.root.toString()}`];
  if (trailer.info) entries.push(`/Info ${serializeObject(trailer.info).toString("latin1")}`);
  if (trailer.id) entries.push(`/ID ${serializeObject(trailer.id).toString("latin1")}`);
  entries.push(`/Prev ${prev}`);
  push(Buffer.from(`${xref}trailer\n<<\n${entries.join("\n")}\n>>\nstartxref\n${xrefAt}\n%%EOF\n`, "latin1"));
  return { bytes: Buffer.concat(parts, length), bodyOffsets };
}

/** A PDF text string: literal when plain ASCII, otherwise UTF-16BE hex with BOM. */
export function pdfTextString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = "FEFF";
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, "0").toUpperCase();
  return `<${hex}>`;
}

export { PDFRef };
