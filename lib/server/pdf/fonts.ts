/**
 * CJK fonts for generated PDFs (STACK.md "CJK in PDFs"): pdf-lib cannot read .ttc collections and its own
 * `subset: true` drops CJK glyphs, so the Noto Sans SC TTF is subset here to exactly the characters a document
 * uses (harfbuzz) and embedded whole. Rare name characters (堃喆犇燚昇珺玥) are in Noto Sans SC and survive the subset.
 *
 * Speed (docs/performance.md section 5, issue 12 item 5): the 10 MiB face of each weight is copied into harfbuzz's
 * WebAssembly memory and parsed once per process (subset-font copied and parsed it on every call: ≈ 20–35 ms of a
 * form). Subsets keep the face's glyph IDs (harfbuzz "retain GIDs"), so text is shaped once on the full face with
 * fontkit and the glyph codes and widths of a text carry over between documents, whatever their subset. A subset's
 * deflated font program, widths and ToUnicode map are built once and shared by every document that uses it.
 */
import fs from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { createHash } from "node:crypto";
import fontkit from "@pdf-lib/fontkit";
import {
  CustomFontEmbedder,
  PDFFont,
  PDFHexString,
  PDFRawStream,
  type PDFContext,
  type PDFDocument,
  type PDFRef,
} from "pdf-lib";
import { deflateInPool } from "./deflate";

export type FontWeight = "regular" | "bold";

const FONT_FILES: Record<FontWeight, string> = {
  regular: "400Regular/NotoSansSC_400Regular.ttf",
  bold: "700Bold/NotoSansSC_700Bold.ttf",
};
const PACKAGE = "@expo-google-fonts/noto-sans-sc";

/** Always in every subset, so digits, Latin letters, dates and common full-width punctuation never go missing. */
const BASE_CHARACTERS =
  " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~" +
  "　、。，：；？！（）【】《》“”‘’·—…￥年月日时分秒第共页至";

const cache = new Map<FontWeight, Promise<Buffer>>();

function fontPath(weight: FontWeight): string {
  const dir = process.env.PORTAL_CJK_FONT_DIR;
  if (dir) return path.join(/*turbopackIgnore: true*/ path.resolve(/*turbopackIgnore: true*/ dir), FONT_FILES[weight]);
  const fromCwd = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "node_modules", PACKAGE, FONT_FILES[weight]);
  if (existsSync(fromCwd)) return fromCwd;
  return createRequire(import.meta.url).resolve(/*turbopackIgnore: true*/ `${PACKAGE}/${FONT_FILES[weight]}`);
}

/** The full TTF (≈10 MiB), read once per process. */
export function loadFontFile(weight: FontWeight = "regular"): Promise<Buffer> {
  let pending = cache.get(weight);
  if (!pending) {
    pending = fs.readFile(/*turbopackIgnore: true*/ fontPath(weight));
    pending.catch(() => cache.delete(weight));
    cache.set(weight, pending);
  }
  return pending;
}

/** The distinct characters of `text` plus {@link BASE_CHARACTERS}, without line breaks or control characters. */
function characterSet(text: string): string {
  const set = new Set<string>();
  for (const ch of BASE_CHARACTERS + text) {
    if (ch >= " " && ch !== "\u007f") set.add(ch);
  }
  return [...set].join("");
}

/**
 * Noto Sans SC's `locl` feature swaps digits that follow Latin letters in a run ("MA1", "91310104MA1FR0XX7Q") for
 * alternate glyphs that pdf-lib then spaces out ("9 1 3 1 …"); turning it off keeps IDs and credit codes tight.
 */
const FONT_FEATURES = { locl: false } as const;

// ── harfbuzz ─────────────────────────────────────────────────────────────────────────────────────────────────

/** The part of harfbuzz's C API (harfbuzz-subset.wasm) used here. */
interface Harfbuzz {
  readonly memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
const HB_SUBSET_FLAGS_RETAIN_GIDS = 0x2;

/** Tables a PDF viewer never reads from an embedded TrueType font (positioning and vertical metrics). */
const DROPPED_TABLES = ["GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx", "DSIG"];

const tag = (s: string) => [...s].reduce((a, c) => ((a << 8) | c.charCodeAt(0)) >>> 0, 0);

/**
 * harfbuzz-subset.wasm of harfbuzzjs, which subset-font ships (read by path, like the fonts; subset-font itself
 * copied the whole face into WebAssembly memory on every call).
 */
function harfbuzzWasmPath(): string {
  const file = "harfbuzzjs/dist/harfbuzz-subset.wasm";
  for (const dir of ["node_modules", "node_modules/subset-font/node_modules"]) {
    const candidate = path.resolve(/*turbopackIgnore: true*/ process.cwd(), dir, file);
    if (existsSync(candidate)) return candidate;
  }
  const subsetFont = createRequire(import.meta.url).resolve(/*turbopackIgnore: true*/ "subset-font");
  return createRequire(subsetFont).resolve(/*turbopackIgnore: true*/ file);
}

let harfbuzz: Promise<Harfbuzz> | undefined;

function loadHarfbuzz(): Promise<Harfbuzz> {
  harfbuzz ??= (async () => {
    const { instance } = await WebAssembly.instantiate(await fs.readFile(/*turbopackIgnore: true*/ harfbuzzWasmPath()));
    const hb = instance.exports as unknown as Harfbuzz;
    hb._initialize();
    return hb;
  })();
  harfbuzz.catch(() => {
    harfbuzz = undefined;
  });
  return harfbuzz;
}

type FontkitFont = CustomFontEmbedder["font"];

interface Shaped {
  /** Glyph IDs of the text, 4 hex digits each (Identity-H). */
  readonly hex: string;
  /** Advance width at 1000 units per em. */
  readonly width: number;
}

/** One weight, loaded once per process: the harfbuzz face to subset from and the fontkit face to shape with. */
interface Face {
  readonly hb: Harfbuzz;
  readonly hbFace: number;
  readonly font: FontkitFont;
  readonly scale: number;
  readonly shaped: Map<string, Shaped>;
  /** Per code point: its glyph when it can be mapped without shaping, else null. */
  readonly glyphs: Map<number, Shaped | null>;
  readonly triggers: Set<number> | null;
}

const faces = new Map<FontWeight, Promise<Face>>();

function loadFace(weight: FontWeight): Promise<Face> {
  let pending = faces.get(weight);
  if (!pending) {
    pending = (async () => {
      const [hb, ttf] = await Promise.all([loadHarfbuzz(), loadFontFile(weight)]);
      const data = hb.malloc(ttf.byteLength);
      new Uint8Array(hb.memory.buffer).set(ttf, data);
      const blob = hb.hb_blob_create(data, ttf.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
      const hbFace = hb.hb_face_create(blob, 0);
      hb.hb_blob_destroy(blob);
      const font = fontkit.create(ttf) as FontkitFont;
      const triggers = substitutionTriggers(font);
      return { hb, hbFace, font, scale: 1000 / font.unitsPerEm, shaped: new Map(), glyphs: new Map(), triggers };
    })();
    pending.catch(() => faces.delete(weight));
    faces.set(weight, pending);
  }
  return pending;
}

/** Texts shaped by fontkit, per face (those the cmap cannot map alone: few, and they recur). */
const SHAPED_CACHE_SIZE = 5_000;

/**
 * Code points that fontkit maps one to one through the cmap, left to right, with no default-ignorable or variation
 * selector handling and no complex-script shaper: Latin, CJK punctuation and ideographs, full-width forms.
 */
function plainCodePoint(cp: number): boolean {
  return (
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xff && cp !== 0xad) ||
    (cp >= 0x2010 && cp <= 0x2027) ||
    (cp >= 0x2030 && cp <= 0x205e) ||
    (cp >= 0x3000 && cp <= 0x303f) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xff01 && cp <= 0xff9f) ||
    (cp >= 0xffe0 && cp <= 0xffee) ||
    (cp >= 0x20000 && cp <= 0x2fa1f)
  );
}

/**
 * The OpenType features fontkit applies to horizontal text (its DefaultShaper); those with GSUB lookups can replace
 * glyphs. Subsets keep these and the glyphs they can substitute, so every glyph that shaping on the full face
 * produces is in the subset. Keeping all features (subset-font's default) also pulled in vertical and width
 * variants and doubled the subset.
 */
const SHAPER_FEATURES = new Set([
  "rvrn",
  "ccmp",
  "locl",
  "rlig",
  "mark",
  "mkmk",
  "frac",
  "numr",
  "dnom",
  "calt",
  "clig",
  "liga",
  "rclt",
  "curs",
  "kern",
]);

interface CoverageTable {
  readonly glyphs?: ArrayLike<number>;
  readonly rangeRecords?: ArrayLike<{ start: number; end: number }>;
}
interface GsubSubtable {
  readonly coverage?: CoverageTable;
  readonly inputCoverage?: ArrayLike<CoverageTable>;
  readonly extension?: GsubSubtable;
}
interface Gsub {
  readonly featureList: ArrayLike<{ tag: string; feature: { lookupListIndexes: ArrayLike<number> } }>;
  readonly lookupList: { get(i: number): { subTables: ArrayLike<GsubSubtable> } };
}

/**
 * Glyphs at which a GSUB lookup of the features fontkit applies could start (every subtable's coverage), or null if
 * a subtable's coverage cannot be read — then every text goes through fontkit. Noto Sans SC: `ccmp` composes 32
 * glyphs (accents) and `liga` starts at "f"; `locl` is off (FONT_FEATURES).
 */
function substitutionTriggers(font: FontkitFont): Set<number> | null {
  const gsub = (font as unknown as { GSUB?: Gsub }).GSUB;
  const triggers = new Set<number>();
  if (!gsub) return triggers;
  const disabled = new Set(Object.entries(FONT_FEATURES).flatMap(([k, on]) => (on ? [] : [k])));
  const lookups = new Set<number>();
  for (const { tag: featureTag, feature } of Array.from(gsub.featureList)) {
    if (SHAPER_FEATURES.has(featureTag) && !disabled.has(featureTag))
      for (const i of Array.from(feature.lookupListIndexes)) lookups.add(i);
  }
  for (const i of lookups) {
    for (const subtable of Array.from(gsub.lookupList.get(i).subTables)) {
      const table = subtable.extension ?? subtable;
      const coverage = table.coverage ?? table.inputCoverage?.[0];
      if (!coverage || (!coverage.glyphs && !coverage.rangeRecords)) return null;
      for (const g of Array.from(coverage.glyphs ?? [])) triggers.add(g);
      for (const { start, end } of Array.from(coverage.rangeRecords ?? [])) {
        for (let g = start; g <= end; g++) triggers.add(g);
      }
    }
  }
  return triggers;
}

/** One character's glyph code and advance; null if the text must go through fontkit's shaping. */
function plainGlyph(face: Face, cp: number): Shaped | null {
  let entry = face.glyphs.get(cp);
  if (entry === undefined) {
    const glyph = face.font.glyphForCodePoint(cp);
    entry =
      // A character the face lacks (glyph 0) is left to fontkit, which does not always draw .notdef for it.
      !face.triggers || glyph.id === 0 || face.triggers.has(glyph.id) || !plainCodePoint(cp)
        ? null
        : { hex: glyph.id.toString(16).padStart(4, "0"), width: glyph.advanceWidth * face.scale };
    face.glyphs.set(cp, entry);
  }
  return entry;
}

/** fontkit's shaping of `text` (with FONT_FEATURES), cached per face and text. */
function shaped(face: Face, text: string): Shaped {
  let entry = face.shaped.get(text);
  if (!entry) {
    let hex = "";
    let width = 0;
    for (const g of face.font.layout(text, FONT_FEATURES).glyphs) {
      hex += g.id.toString(16).padStart(4, "0");
      width += g.advanceWidth * face.scale;
    }
    entry = { hex, width };
    if (face.shaped.size >= SHAPED_CACHE_SIZE) face.shaped.delete(face.shaped.keys().next().value!);
    face.shaped.set(text, entry);
  }
  return entry;
}

/**
 * Glyph codes (Identity-H hex) and width at 1000 units of `text`, as pdf-lib computes them: fontkit layout with
 * FONT_FEATURES, widths summed from the glyphs' advances. Text of plain characters none of which can start a
 * substitution is mapped character by character through the cmap, which is what shaping would do (no cache needed:
 * a lookup per character); anything else is shaped by fontkit.
 */
function glyphCodes(face: Face, text: string): string {
  let hex = "";
  for (const ch of text) {
    const glyph = plainGlyph(face, ch.codePointAt(0)!);
    if (!glyph) return shaped(face, text).hex;
    hex += glyph.hex;
  }
  return hex;
}

function advance(face: Face, text: string): number {
  let width = 0;
  for (const ch of text) {
    const glyph = plainGlyph(face, ch.codePointAt(0)!);
    if (!glyph) return shaped(face, text).width;
    width += glyph.width;
  }
  return width;
}

function subsetBytes(face: Face, chars: string): Buffer {
  const { hb } = face;
  const input = hb.hb_subset_input_create_or_fail();
  if (input === 0) throw new Error("harfbuzz: hb_subset_input_create_or_fail failed");
  let subset = 0;
  try {
    hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_RETAIN_GIDS);
    const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
    hb.hb_set_clear(features);
    for (const feature of SHAPER_FEATURES) hb.hb_set_add(features, tag(feature));
    const dropped = hb.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const table of DROPPED_TABLES) hb.hb_set_add(dropped, tag(table));
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const ch of chars) hb.hb_set_add(unicodes, ch.codePointAt(0)!);
    subset = hb.hb_subset_or_fail(face.hbFace, input);
  } finally {
    hb.hb_subset_input_destroy(input);
  }
  if (subset === 0) throw new Error("harfbuzz: hb_subset_or_fail failed");
  const blob = hb.hb_face_reference_blob(subset);
  try {
    const length = hb.hb_blob_get_length(blob);
    if (length === 0) throw new Error("harfbuzz: empty subset");
    // Copy out: the WebAssembly memory is reused (and may grow, detaching views) by the next call.
    return Buffer.from(new Uint8Array(hb.memory.buffer, hb.hb_blob_get_data(blob, 0), length));
  } finally {
    hb.hb_blob_destroy(blob);
    hb.hb_face_destroy(subset);
  }
}

// ── subsets ──────────────────────────────────────────────────────────────────────────────────────────────────

/** One subset of one face and what every document embedding it shares. */
interface Subset {
  readonly face: Face;
  /** The TrueType font program (glyph IDs as in the full face). */
  readonly bytes: Buffer;
  /** Six capital letters from the character set: the `ABCDEF+` prefix PDF gives the name of a subset font. */
  readonly tag: string;
  readonly chars: string;
  /**
   * What every document embedding this subset shares: the deflated font program and ToUnicode map (deflated in
   * libuv's thread pool as soon as the subset exists, off the thread that lays out documents) and the widths.
   */
  readonly parts: Promise<EmbeddedParts>;
}

interface EmbeddedParts {
  readonly fontFile: Uint8Array;
  readonly toUnicode: Uint8Array;
  readonly widths: (number | number[])[];
}

/**
 * Recent subsets by weight and character set. The bold face draws the fixed labels of each document kind, and a
 * document rendered again (preview, then signing) has the same set. ≈ 230 KiB each (glyph IDs kept: long loca and
 * hmtx) plus ≈ 40 KiB deflated, so 32 entries stay under 9 MiB.
 */
const SUBSET_CACHE_SIZE = 32;
const subsets = new Map<string, Promise<Subset>>();

function subsetOf(text: string, weight: FontWeight): Promise<Subset> {
  const chars = [...characterSet(text)].sort().join("");
  const key = `${weight}:${chars}`;
  let pending = subsets.get(key);
  if (pending) {
    subsets.delete(key); // re-insert: Map order is the LRU order
  } else {
    pending = loadFace(weight).then((face) => {
      const digest = createHash("sha256").update(key).digest();
      const prefix = String.fromCharCode(...[...digest.subarray(0, 6)].map((b) => 65 + (b % 26)));
      const bytes = subsetBytes(face, chars);
      const parts = embeddedParts(face, bytes, chars);
      parts.catch(() => subsets.delete(key));
      return { face, bytes, tag: prefix, chars, parts };
    });
    pending.catch(() => subsets.delete(key));
  }
  subsets.set(key, pending);
  while (subsets.size > SUBSET_CACHE_SIZE) subsets.delete(subsets.keys().next().value!);
  return pending;
}

/** A TrueType (sfnt) subset of Noto Sans SC holding exactly the characters of `text` (plus the base set). */
export async function subsetCjkFont(text: string, weight: FontWeight = "regular"): Promise<Buffer> {
  return (await subsetOf(text, weight)).bytes;
}

/** The ToUnicode CMap: glyph ID → character, so text can be copied and searched (pdftotext). */
function toUnicodeCmap(entries: readonly [number, string][]): string {
  const hex4 = (n: number) => n.toString(16).padStart(4, "0");
  const utf16 = (ch: string) => [...Buffer.from(ch, "utf16le").swap16()].map((b) => b.toString(16).padStart(2, "0"));
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    blocks.push(
      `${chunk.length} beginbfchar`,
      ...chunk.map(([gid, ch]) => `<${hex4(gid)}> <${utf16(ch).join("")}>`),
      "endbfchar",
    );
  }
  return [
    "/CIDInit /ProcSet findresource begin",
    "12 dict begin",
    "begincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
    "/CMapName /Adobe-Identity-UCS def",
    "/CMapType 2 def",
    "1 begincodespacerange",
    "<0000><ffff>",
    "endcodespacerange",
    ...blocks,
    "endcmap",
    "CMapName currentdict /CMap defineresource pop",
    "end",
    "end",
  ].join("\n");
}

async function embeddedParts(face: Face, bytes: Buffer, chars: string): Promise<EmbeddedParts> {
  const { font, scale } = face;
  const byGlyph = new Map<number, string>();
  for (const ch of [...chars].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!)) {
    const id = font.glyphForCodePoint(ch.codePointAt(0)!).id;
    if (id !== 0 && !byGlyph.has(id)) byGlyph.set(id, ch); // 0: a character the face lacks (.notdef)
  }
  const entries = [...byGlyph].sort((a, b) => a[0] - b[0]);
  // W: runs of consecutive glyph IDs, `first [w1 w2 …]`.
  const widths: (number | number[])[] = [];
  let run: number[] = [];
  let previous = -2;
  for (const [id] of entries) {
    if (id !== previous + 1) {
      if (run.length) widths.push(run);
      widths.push(id);
      run = [];
    }
    run.push(font.getGlyph(id).advanceWidth * scale);
    previous = id;
  }
  if (run.length) widths.push(run);
  const [fontFile, toUnicode] = await Promise.all([
    deflateInPool(bytes),
    deflateInPool(Buffer.from(toUnicodeCmap(entries), "latin1")),
  ]);
  return { fontFile: new Uint8Array(fontFile), toUnicode: new Uint8Array(toUnicode), widths };
}

/**
 * pdf-lib's Type 0 / CIDFontType2 embedding of a subset, with the work done once per subset or text instead of per
 * document: shaping on the full face (cached per text), and the deflated font program, widths and ToUnicode map
 * shared by every document that embeds the same subset. One instance per document (pdf-lib keeps its name on it).
 */
class SubsetEmbedder extends CustomFontEmbedder {
  private parts: EmbeddedParts | undefined;

  constructor(private readonly subset: Subset) {
    super(subset.face.font, subset.bytes, `${subset.tag}+${subset.face.font.postscriptName}`, FONT_FEATURES);
  }

  /** Called by pdf-lib when the document is saved or flushed; the parts below are then ready. */
  override async embedIntoContext(context: PDFContext, ref?: PDFRef): Promise<PDFRef> {
    this.parts = await this.subset.parts;
    return super.embedIntoContext(context, ref);
  }

  private ready(): EmbeddedParts {
    if (!this.parts) throw new Error("font parts used before embedIntoContext");
    return this.parts;
  }

  override encodeText(text: string): PDFHexString {
    return PDFHexString.of(glyphCodes(this.subset.face, text));
  }

  override widthOfTextAtSize(text: string, size: number): number {
    return (advance(this.subset.face, text) * size) / 1000;
  }

  protected override async embedFontStream(context: PDFContext): Promise<PDFRef> {
    const { fontFile } = this.ready();
    const dict = context.obj({ Filter: "FlateDecode", Length1: this.subset.bytes.length });
    return context.register(PDFRawStream.of(dict, fontFile));
  }

  protected override embedUnicodeCmap(context: PDFContext): PDFRef {
    const { toUnicode } = this.ready();
    return context.register(PDFRawStream.of(context.obj({ Filter: "FlateDecode" }), toUnicode));
  }

  protected override computeWidths(): (number | number[])[] {
    return this.ready().widths;
  }
}

/**
 * Embeds the subset of `weight` holding the characters of `text` (plus the base set) into `pdf`, as
 * `pdf.embedFont(bytes, { subset: false })` would, and returns the font with its character set.
 */
export async function embedCjkFont(
  pdf: PDFDocument,
  text: string,
  weight: FontWeight = "regular",
): Promise<{ font: PDFFont; chars: ReadonlySet<string> }> {
  const subset = await subsetOf(text, weight);
  const font = PDFFont.of(pdf.context.nextRef(), pdf, new SubsetEmbedder(subset));
  // What PDFDocument.embedFont does after building its embedder: save() and flush() embed the fonts on this list.
  (pdf as unknown as { fonts: PDFFont[] }).fonts.push(font);
  return { font, chars: new Set(subset.chars) };
}

export interface DocumentFonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  /** Characters present in each subset; drawing anything else would show .notdef boxes. */
  readonly regularChars: ReadonlySet<string>;
  readonly boldChars: ReadonlySet<string>;
}

/** Throws if `text` uses a character that is not in the embedded subset (a layout bug, caught by tests). */
export function assertCovered(fonts: DocumentFonts, text: string, bold = false): void {
  const set = bold ? fonts.boldChars : fonts.regularChars;
  for (const ch of text) {
    if (!set.has(ch) && ch !== "\n")
      throw new Error(`character ${JSON.stringify(ch)} is not in the ${bold ? "bold" : "regular"} font subset`);
  }
}

/**
 * Subsets and embeds the regular and bold faces into `pdf`. `text` must contain every character the document
 * will draw in the regular face, `boldText` those drawn in bold (defaults to `text`).
 */
export async function embedDocumentFonts(
  pdf: PDFDocument,
  text: string,
  boldText: string = text,
): Promise<DocumentFonts> {
  const [regular, bold] = await Promise.all([embedCjkFont(pdf, text, "regular"), embedCjkFont(pdf, boldText, "bold")]);
  return { regular: regular.font, bold: bold.font, regularChars: regular.chars, boldChars: bold.chars };
}

/** Collects every string reachable from `value` (objects, arrays), for building a font subset from input data. */
export function collectStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (typeof value === "number") out.push(String(value));
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, out);
  else if (value && typeof value === "object" && !(value instanceof Uint8Array) && !(value instanceof Date)) {
    for (const v of Object.values(value)) collectStrings(v, out);
  }
  return out;
}
