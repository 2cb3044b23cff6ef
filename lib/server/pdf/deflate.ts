/**
 * pdf-lib compresses embedded fonts and images with pako, a JavaScript DEFLATE, and page content streams with pako
 * too, on the thread that lays out documents. In a CPU profile of bench/pdf.ts pako was the largest self time of
 * rendering (≈ 15 % of samples). Node's zlib writes the same FlateDecode streams natively: synchronously for what
 * pdf-lib compresses while drawing (images), and in libuv's thread pool for the content streams at save time, so
 * ten documents rendered at once in one process also use the second core.
 */
import { promisify } from "node:util";
import { constants, deflate, deflateSync } from "node:zlib";
import { PDFContentStream, type PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
// Every renderer comes through here: pdf-lib's number formatting is replaced before a page is drawn.
import "./number-format";

/**
 * zlib's fastest level: a form's streams (two font programs of ≈ 250 KB, the signature's pixels, the pages) take
 * ≈ 4 ms of CPU to compress instead of ≈ 10.6 ms at the default level, and the file grows ≈ 6 % (114 → 120 KiB).
 * Ten forms at once are bound by the two cores, so this is time every one of them gets back (issue 12 item 5).
 */
const FAST = { level: constants.Z_BEST_SPEED };
const deflateAsync = promisify(deflate);

/** FlateDecode bytes, compressed in libuv's thread pool. */
export const deflateInPool = (bytes: Uint8Array): Promise<Buffer> => deflateAsync(bytes, FAST);

export function withNativeDeflate<T extends PDFDocument>(pdf: T): T {
  const context = pdf.context;
  context.flateStream = (contents, dict = {}) => {
    const bytes = typeof contents === "string" ? Buffer.from(contents, "latin1") : contents;
    return context.stream(new Uint8Array(deflateSync(bytes, FAST)), { ...dict, Filter: "FlateDecode" });
  };
  return pdf;
}

/**
 * `pdf.save({ useObjectStreams: false })`, with every FlateDecode content stream (pages, form XObjects) compressed
 * by zlib in the thread pool instead of by pako while writing. The streams are replaced by raw streams holding the
 * compressed bytes under the same dictionary and object number.
 */
export async function savePdf(pdf: PDFDocument): Promise<Uint8Array> {
  await pdf.flush(); // embeds fonts and images first, as save() would
  const context = pdf.context;
  const flate = PDFName.of("FlateDecode");
  const pending: Promise<void>[] = [];
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFContentStream) || object.dict.get(PDFName.of("Filter")) !== flate) continue;
    const contents = object.getUnencodedContents();
    pending.push(
      deflateInPool(contents).then((bytes) => {
        context.assign(ref, PDFRawStream.of(object.dict, new Uint8Array(bytes)));
      }),
    );
  }
  await Promise.all(pending);
  return pdf.save({ useObjectStreams: false });
}
