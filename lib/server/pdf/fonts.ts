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
import { deflateSync } from "node:zlib";
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

/**
 * The OpenType features fontkit applies to horizontal text (its default shaper): the subset keeps these and the
 * glyphs they can substitute, so every glyph that shaping on the full face produces is in the subset. Keeping all
 * features (subset-font's default) also pulled in vertical and width variants and doubled the subset.
 */
const LAYOUT_FEATURES = ["ccmp", "locl", "rlig", "mark", "mkmk", "calt", "clig", "liga", "rclt", "curs", "kern"];
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
  const require = createRequire(import.meta.url);
  return createRequire(require.resolve("subset-font")).resolve(/*turbopackIgnore: true*/ file);
}

let harfbuzz: Promise<Harfbuzz> | undefined;

function loadHarfbuzz(): Promise<Harfbuzz> {
  harfbuzz ??= (async () => {
    const { instance } = await WebAssembly.instantiate(await fs.readFile(harfbuzzWasmPath()));
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
      return { hb, hbFace, font, scale: 1000 / font.unitsPerEm, shaped: new Map() };
    })();
    pending.catch(() => faces.delete(weight));
    faces.set(weight, pending);
  }
  return pending;
}

/** Shaped texts per face; the labels and declarations recur in every document. */
const SHAPED_CACHE_SIZE = 20_000;

function shape(face: Face, text: string): Shaped {
  let entry = face.shaped.get(text);
  if (!entry) {
    const { glyphs } = face.font.layout(text, FONT_FEATURES);
    let hex = "";
    let width = 0;
    for (const glyph of glyphs) {
      hex += glyph.id.toString(16).padStart(4, "0");
      width += glyph.advanceWidth * face.scale;
    }
    entry = { hex, width };
    if (face.shaped.size >= SHAPED_CACHE_SIZE) face.shaped.delete(face.shaped.keys().next().value!);
    face.shaped.set(text, entry);
  }
  return entry;
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
    for (const feature of LAYOUT_FEATURES) hb.hb_set_add(features, tag(feature));
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
  /** Built on first embedding, then reused. */
  embedded?: { readonly fontFile: Uint8Array; readonly toUnicode: Uint8Array; readonly widths: (number | number[])[] };
  readonly chars: string;
}

/**
 * Recent subsets by weight and character set. The bold face mostly draws the fixed labels, and one person's form,
 * notice and certificate share most characters, so the same sets recur. ≈ 250 KiB each (≈ 50 KiB deflated, which is
 * kept too), so 64 entries stay under 20 MiB.
 */
const SUBSET_CACHE_SIZE = 64;
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
      return { face, bytes: subsetBytes(face, chars), tag: prefix, chars };
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

function embeddedParts(subset: Subset): NonNullable<Subset["embedded"]> {
  if (subset.embedded) return subset.embedded;
  const { font, scale } = subset.face;
  const byGlyph = new Map<number, string>();
  for (const ch of [...subset.chars].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!)) {
    const id = font.glyphForCodePoint(ch.codePointAt(0)!).id;
    if (!byGlyph.has(id)) byGlyph.set(id, ch);
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
  subset.embedded = {
    fontFile: new Uint8Array(deflateSync(subset.bytes)),
    toUnicode: new Uint8Array(deflateSync(Buffer.from(toUnicodeCmap(entries), "latin1"))),
    widths,
  };
  return subset.embedded;
}

/**
 * pdf-lib's Type 0 / CIDFontType2 embedding of a subset, with the work done once per subset or text instead of per
 * document: shaping on the full face (cached per text), and the deflated font program, widths and ToUnicode map
 * shared by every document that embeds the same subset. One instance per document (pdf-lib keeps its name on it).
 */
class SubsetEmbedder extends CustomFontEmbedder {
  constructor(private readonly subset: Subset) {
    super(subset.face.font, subset.bytes, `${subset.tag}+${subset.face.font.postscriptName}`, FONT_FEATURES);
  }

  override encodeText(text: string): PDFHexString {
    return PDFHexString.of(shape(this.subset.face, text).hex);
  }

  override widthOfTextAtSize(text: string, size: number): number {
    return (shape(this.subset.face, text).width * size) / 1000;
  }

  protected override async embedFontStream(context: PDFContext): Promise<PDFRef> {
    const { fontFile } = embeddedParts(this.subset);
    const dict = context.obj({ Filter: "FlateDecode", Length1: this.subset.bytes.length });
    return context.register(PDFRawStream.of(dict, fontFile));
  }

  protected override embedUnicodeCmap(context: PDFContext): PDFRef {
    const { toUnicode } = embeddedParts(this.subset);
    return context.register(PDFRawStream.of(context.obj({ Filter: "FlateDecode" }), toUnicode));
  }

  protected override computeWidths(): (number | number[])[] {
    return embeddedParts(this.subset).widths;
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
