/**
 * pdf-lib compresses embedded fonts and images with pako, a JavaScript DEFLATE. In a CPU profile of bench/pdf.ts
 * pako was the largest self time of rendering (≈ 15 % of samples, 98 KB subset font per face plus the images);
 * Node's zlib writes the same FlateDecode streams natively. Installed per document rather than by patching pako.
 */
import { deflateSync } from "node:zlib";
import type { PDFDocument } from "pdf-lib";

export function withNativeDeflate<T extends PDFDocument>(pdf: T): T {
  const context = pdf.context;
  context.flateStream = (contents, dict = {}) => {
    const bytes = typeof contents === "string" ? Buffer.from(contents, "latin1") : contents;
    return context.stream(new Uint8Array(deflateSync(bytes)), { ...dict, Filter: "FlateDecode" });
  };
  return pdf;
}
