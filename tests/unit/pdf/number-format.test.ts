import { createRequire } from "node:module";
import fc from "fast-check";
import { PDFNumber } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { numberToString, pdfLibNumberToString } from "@/lib/server/pdf/number-format";

// Issue 12 item 5: pdf-lib's number formatting, converted once instead of three times, with the same text.
describe("the PDF number format", () => {
  it("writes exactly what pdf-lib's own function writes, for numbers of every size", () => {
    const doubles = fc.double({ noNaN: true, noDefaultInfinity: true });
    const coordinates = fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 64);
    fc.assert(
      fc.property(fc.oneof(doubles, coordinates), (n) => {
        expect(numberToString(n)).toBe(pdfLibNumberToString(n));
      }),
      { numRuns: 5000 },
    );
    for (const n of [0, -0, 1, -1, 0.1 + 0.2, 1e-7, 1.5e-7, -3e-9, 1e21, 1.2e25, 595.28, 841.89, 2 ** 53])
      expect(numberToString(n)).toBe(pdfLibNumberToString(n));
  });

  it("is the one pdf-lib's PDFNumber uses", () => {
    const utils = createRequire(import.meta.url)("pdf-lib/cjs/utils") as { numberToString: unknown };
    expect(utils.numberToString).toBe(numberToString);
    // No exponent in a PDF: pdf-lib's own expansion still applies to the numbers String() writes with one.
    expect(PDFNumber.of(1.5e-7).toString()).toBe("0.00000015");
    expect(PDFNumber.of(12.5).toString()).toBe("12.5");
  });
});
