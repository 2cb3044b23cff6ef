/**
 * pdf-lib writes every coordinate, size and colour of a page as a PDFNumber, and each one's text comes from
 * `numberToString`, which converts the number three times (String, then twice more to look for an exponent). That
 * was ≈ 10 % of the main thread's time per application form (bench/pdf.ts, issue 12 item 5). This replaces it, for
 * the pdf-lib every renderer loads (the package is external to the bundle, next.config.ts), with the same answer
 * converted once: `String(n)` has no exponent for 1e-7 ≤ |n| < 1e21, and then pdf-lib returns exactly that text;
 * other numbers still go through pdf-lib's own function. pdf-lib 1.17.1 is its last release
 * (tests/unit/pdf/number-format.test.ts checks the two agree).
 */
import { createRequire } from "node:module";

type Utils = { numberToString: (n: number) => string };
const utils = createRequire(import.meta.url)(/*turbopackIgnore: true*/ "pdf-lib/cjs/utils") as Utils;

/** pdf-lib's own conversion, kept for the numbers String() writes with an exponent. */
export const pdfLibNumberToString = utils.numberToString;

export function numberToString(n: number): string {
  const text = String(n);
  return text.includes("e") ? pdfLibNumberToString(n) : text;
}

utils.numberToString = numberToString;
