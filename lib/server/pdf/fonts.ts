/**
 * CJK fonts for generated PDFs (STACK.md "CJK in PDFs"): pdf-lib cannot read .ttc collections and its own
 * `subset: true` drops CJK glyphs, so the Noto Sans SC TTF is subset here to exactly the characters a document
 * uses (harfbuzz via subset-font) and embedded whole (`subset: false`). Rare name characters (堃喆犇燚昇珺玥)
 * are in Noto Sans SC and survive the subset.
 */
import fs from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import type { PDFDocument, PDFFont } from "pdf-lib";

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
export function characterSet(text: string): string {
  const set = new Set<string>();
  for (const ch of BASE_CHARACTERS + text) {
    if (ch >= " " && ch !== "\u007f") set.add(ch);
  }
  return [...set].join("");
}

/**
 * Recent subsets by weight and character set. Harfbuzz subsetting of the 10 MiB face is the costliest step of a
 * render; the bold face mostly draws the fixed labels, and one person's form, notice and certificate share most
 * characters, so the same sets recur. ≈100 KiB each, so 64 entries stay under 7 MiB.
 */
const SUBSET_CACHE_SIZE = 64;

/**
 * subset-font is loaded on the first PDF, not when the server starts: it pulls in fontverter → wawoff2, two
 * Emscripten modules with a 16 MiB heap each — 32 MiB of a node's idle memory in a heap snapshot (issue 12 item 3),
 * although the portal only ever asks for sfnt.
 */
async function subsetWithHarfbuzz(ttf: Buffer, chars: string): Promise<Buffer> {
  const { default: subsetFont } = await import("subset-font");
  return subsetFont(ttf, chars, { targetFormat: "sfnt" });
}
const subsets = new Map<string, Promise<Buffer>>();

/** A TrueType (sfnt) subset of Noto Sans SC holding exactly the characters of `text` (plus the base set). */
export async function subsetCjkFont(text: string, weight: FontWeight = "regular"): Promise<Buffer> {
  const chars = characterSet(text);
  const key = `${weight}:${[...chars].sort().join("")}`;
  let pending = subsets.get(key);
  if (pending) {
    subsets.delete(key); // re-insert: Map order is the LRU order
  } else {
    pending = loadFontFile(weight).then((ttf) => subsetWithHarfbuzz(ttf, chars));
    pending.catch(() => subsets.delete(key));
  }
  subsets.set(key, pending);
  while (subsets.size > SUBSET_CACHE_SIZE) subsets.delete(subsets.keys().next().value!);
  return pending;
}

/**
 * Noto Sans SC's `locl` feature swaps digits that follow Latin letters in a run ("MA1", "91310104MA1FR0XX7Q") for
 * alternate glyphs that pdf-lib then spaces out ("9 1 3 1 …"); turning it off keeps IDs and credit codes tight.
 */
export const FONT_FEATURES = { locl: false } as const;

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
  pdf.registerFontkit(fontkit);
  const regularChars = characterSet(text);
  const boldChars = characterSet(boldText);
  const [regularBytes, boldBytes] = await Promise.all([
    subsetCjkFont(regularChars, "regular"),
    subsetCjkFont(boldChars, "bold"),
  ]);
  const [regular, bold] = await Promise.all([
    pdf.embedFont(regularBytes, { subset: false, features: FONT_FEATURES }),
    pdf.embedFont(boldBytes, { subset: false, features: FONT_FEATURES }),
  ]);
  return { regular, bold, regularChars: new Set(regularChars), boldChars: new Set(boldChars) };
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
