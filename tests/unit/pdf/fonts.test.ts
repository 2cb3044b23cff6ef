import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { inflateSync } from "node:zlib";
import fontkit from "@pdf-lib/fontkit";
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  type PDFNumber,
  PDFRawStream,
  type PDFRef,
} from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { renderApplicationForm } from "@/lib/server/pdf/application-form";
import { savePdf, withNativeDeflate } from "@/lib/server/pdf/deflate";
import { embedCjkFont, type FontWeight, loadFontFile, subsetCjkFont } from "@/lib/server/pdf/fonts";
import { sampleForm } from "./fixtures";
import { hasTool, tempDir } from "./helpers";

// Issue 12 item 5: glyph codes come from one shaping of the full face (cached, with a cmap fast path), subsets keep
// the face's glyph IDs, and a subset's deflated program is shared. These check that the output is what pdf-lib's
// own embedding of a subset would draw.

type Full = ReturnType<typeof fontkit.create>;
const outline = (font: Full, id: number) => (font.getGlyph(id).path as unknown as { commands: unknown[] }).commands;
const full = new Map<FontWeight, Full>();

beforeAll(async () => {
  for (const weight of ["regular", "bold"] as const) full.set(weight, fontkit.create(await loadFontFile(weight)));
}, 60_000);

/** What pdf-lib's CustomFontEmbedder computes for `text`: fontkit layout with locl off, glyph IDs and advances. */
function reference(weight: FontWeight, text: string): { hex: string; width: number } {
  const font = full.get(weight)!;
  const { glyphs } = font.layout(text, { locl: false });
  return {
    hex: glyphs.map((g) => g.id.toString(16).padStart(4, "0")).join(""),
    width: glyphs.reduce((sum, g) => sum + (g.advanceWidth * 1000) / font.unitsPerEm, 0),
  };
}

const TEXTS = [
  "二级造价工程师初始注册申请表",
  "王堃 喆犇燚昇珺玥",
  "91310104MA1FR0XX7Q", // locl would swap these digits
  "office affinity fifty", // liga: f-ligatures
  "Café São Paulo naïve", // accented Latin
  "https://zhuce.example.gov.cn/verify/%E5%BB%BA?c=C2026-7",
  "（续）【附件】《说明》——“引号”…￥100",
  "２０２６年１１月３０日", // full-width digits
  "soft\u00adhyphen zero\u200bwidth", // default-ignorables: fontkit draws a space glyph
  "葛\u{E0100}洪", // ideographic variation selector
  "𠀋𡈽𪚥", // outside the BMP
  "line\nbreak\ttab",
  "",
];

describe("CJK font embedding", () => {
  it("encodes text and measures widths exactly as fontkit shaping of the full face does", async () => {
    const pdf = await PDFDocument.create();
    for (const weight of ["regular", "bold"] as const) {
      const { font } = await embedCjkFont(pdf, TEXTS.join(""), weight);
      // Twice: the first call fills the caches, the second reads them.
      for (const _ of [1, 2]) {
        for (const text of TEXTS) {
          const expected = reference(weight, text);
          expect(font.encodeText(text).toString(), `${weight}: ${JSON.stringify(text)}`).toBe(`<${expected.hex}>`);
          expect(font.widthOfTextAtSize(text, 1000)).toBeCloseTo(expected.width, 6);
        }
      }
    }
  }, 60_000);

  it("matches fontkit on random text drawn from the face's own characters", async () => {
    const font = full.get("regular")!;
    const chars = font.characterSet.filter((cp) => cp >= 0x20).map((cp) => String.fromCodePoint(cp));
    let seed = 12;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const texts = Array.from({ length: 300 }, () =>
      Array.from({ length: 1 + Math.floor(random() * 12) }, () => chars[Math.floor(random() * chars.length)]).join(""),
    );
    const pdf = await PDFDocument.create();
    const { font: embedded } = await embedCjkFont(pdf, texts.join(""), "regular");
    for (const text of texts) {
      expect(embedded.encodeText(text).toString(), JSON.stringify(text)).toBe(`<${reference("regular", text).hex}>`);
    }
  }, 60_000);

  it("subsets keep the face's glyph IDs and hold outlines only for their characters", async () => {
    const bytes = await subsetCjkFont("王堃申请表", "regular");
    const subset = fontkit.create(bytes);
    const face = full.get("regular")!;
    expect(subset.numGlyphs).toBeGreaterThan(1000); // retained IDs, not renumbered 0…n
    for (const ch of "王堃申请表A9") {
      const id = face.glyphForCodePoint(ch.codePointAt(0)!).id;
      expect(subset.glyphForCodePoint(ch.codePointAt(0)!).id).toBe(id);
      expect(outline(subset, id).length, ch).toBeGreaterThan(0);
    }
    const absent = face.glyphForCodePoint("龘".codePointAt(0)!).id;
    expect(absent).toBeGreaterThan(0);
    expect(outline(subset, absent)).toHaveLength(0);
    expect(bytes.length).toBeLessThan(1024 * 1024);
  }, 60_000);

  it("writes subset fonts (ABCDEF+ names, Length1) and zlib content streams that poppler reads", async () => {
    const pdf = await renderApplicationForm(sampleForm());
    const doc = await PDFDocument.load(pdf);
    const fontFiles = [...doc.context.enumerateIndirectObjects()]
      .map(([, o]) => o)
      .filter((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of("Type")) === PDFName.of("FontDescriptor"));
    expect(fontFiles).toHaveLength(2);
    for (const descriptor of fontFiles) {
      expect(descriptor.get(PDFName.of("FontName"))?.toString()).toMatch(/^\/[A-Z]{6}\+NotoSansSC-(Regular|Bold)$/);
      const stream = doc.context.lookup(descriptor.get(PDFName.of("FontFile2")) as PDFRef) as PDFRawStream;
      const program = inflateSync(stream.contents);
      expect((stream.dict.get(PDFName.of("Length1")) as PDFNumber).asNumber()).toBe(program.length);
      expect(fontkit.create(program).postscriptName).toMatch(/^NotoSansSC-/);
    }
    const contents = doc.getPage(0).node.Contents();
    const first = contents instanceof PDFArray ? doc.context.lookup(contents.get(0)) : contents;
    expect(first).toBeInstanceOf(PDFRawStream);
    expect((first as PDFRawStream).dict.get(PDFName.of("Filter"))).toBe(PDFName.of("FlateDecode"));
    expect(Buffer.from(decodePDFRawStream(first as PDFRawStream).decode()).toString("latin1")).toContain(" Tj");
    if (hasTool("pdffonts")) {
      const dir = tempDir();
      const file = path.join(dir, "form.pdf");
      fs.writeFileSync(file, pdf);
      const listing = execFileSync("pdffonts", [file]).toString();
      fs.rmSync(dir, { recursive: true, force: true });
      expect(listing.match(/CID TrueType\s+Identity-H\s+yes yes yes/g)).toHaveLength(2);
    }
  }, 60_000);

  it("savePdf keeps every page's drawing when content streams are compressed in the thread pool", async () => {
    const pdf = withNativeDeflate(await PDFDocument.create());
    const { font } = await embedCjkFont(pdf, "第页", "regular");
    for (let i = 0; i < 3; i++) pdf.addPage().drawText(`第${i + 1}页`, { font, x: 50, y: 700, size: 20 });
    const saved = await PDFDocument.load(await savePdf(pdf));
    expect(saved.getPageCount()).toBe(3);
    saved.getPages().forEach((page, i) => {
      const stream = saved.context.lookup(page.node.Contents() as unknown as PDFRef) ?? page.node.Contents();
      const raw = (stream instanceof PDFArray ? saved.context.lookup(stream.get(0)) : stream) as PDFRawStream;
      const ops = Buffer.from(decodePDFRawStream(raw).decode()).toString("latin1");
      expect(ops).toContain(`<${reference("regular", `第${i + 1}页`).hex}> Tj`);
    });
  }, 60_000);
});
