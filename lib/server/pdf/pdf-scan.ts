/**
 * Bounded reading of untrusted PDF bytes (public uploads) without a PDF parser and without regular expressions
 * over the whole file: keys are found with Buffer.indexOf (native, linear), and every value is read by a small
 * hand-written tokenizer that looks at most a few KiB past the key. A hostile file can therefore cost at most a
 * linear scan of its bytes, never a backtracking regex, a decompression or a recursive descent.
 */

/** Thrown when a file is too large or too complex to check within the budget; callers answer 无法识别. */
export class UnreadablePdfError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadablePdfError";
  }
}

/** How far around a key the enclosing object is searched (a signature dictionary with 8 KiB CMS is ≈17 KiB). */
const OBJECT_WINDOW = 64 * 1024;
/** Longest string value read for /T, /Name, /Reason, /Keywords … (ours are well under 1 KiB). */
const MAX_STRING = 8 * 1024;

const isWhite = (c: number | undefined) =>
  c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const isDigit = (c: number | undefined) => c !== undefined && c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/** Offsets of every occurrence of `needle`, in file order; throws past `limit` occurrences (a crafted file). */
export function occurrences(buf: Buffer, needle: string, limit: number): number[] {
  const found: number[] = [];
  for (let at = buf.indexOf(needle, 0, "latin1"); at >= 0; at = buf.indexOf(needle, at + needle.length, "latin1")) {
    if (found.length >= limit) throw new UnreadablePdfError(`more than ${limit} occurrences of ${needle}`);
    found.push(at);
  }
  return found;
}

function skipWhite(buf: Buffer, at: number): number {
  while (at < buf.length && isWhite(buf[at])) at++;
  return at;
}

/** `count` unsigned integers separated by whitespace starting at `at` (≤ 12 digits each); null if malformed. */
function readIntegers(buf: Buffer, at: number, count: number): { values: number[]; end: number } | null {
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    at = skipWhite(buf, at);
    const start = at;
    while (isDigit(buf[at]) && at - start <= 12) at++;
    if (at === start || at - start > 12) return null;
    values.push(Number(buf.toString("latin1", start, at)));
  }
  return { values, end: at };
}

/** The `/ByteRange [a b c d]` array whose key starts at `keyAt`; null when it is not four plain integers. */
export function readByteRange(buf: Buffer, keyAt: number): [number, number, number, number] | null {
  let at = skipWhite(buf, keyAt + "/ByteRange".length);
  if (buf[at] !== 0x5b) return null; // [
  const ints = readIntegers(buf, at + 1, 4);
  if (!ints) return null;
  at = skipWhite(buf, ints.end);
  if (buf[at] !== 0x5d) return null; // ]
  const [a, b, c, d] = ints.values as [number, number, number, number];
  return [a, b, c, d];
}

/** True when bytes [from, to) are `<` hex digits (and whitespace) `>`. */
export function isHexString(buf: Buffer, from: number, to: number): boolean {
  if (to - from < 2 || buf[from] !== 0x3c || buf[to - 1] !== 0x3e) return false;
  for (let i = from + 1; i < to - 1; i++) if (!isHex(buf[i]!) && !isWhite(buf[i])) return false;
  return true;
}

/** True when nothing but whitespace follows `from`. */
export function onlyWhitespaceAfter(buf: Buffer, from: number): boolean {
  for (let i = from; i < buf.length; i++) if (!isWhite(buf[i])) return false;
  return true;
}

/**
 * The raw PDF string token (`(…)` with escapes and nested parentheses, or `<hex>`) starting at `at` after
 * whitespace; undefined when there is none within {@link MAX_STRING} bytes.
 */
export function readStringToken(buf: Buffer, at: number): string | undefined {
  at = skipWhite(buf, at);
  const limit = Math.min(buf.length, at + MAX_STRING);
  if (buf[at] === 0x3c && buf[at + 1] !== 0x3c) {
    const end = buf.indexOf(0x3e, at);
    return end > at && end < limit && isHexString(buf, at, end + 1) ? buf.toString("latin1", at, end + 1) : undefined;
  }
  if (buf[at] !== 0x28) return undefined;
  let depth = 0;
  for (let i = at; i < limit; i++) {
    const c = buf[i];
    if (c === 0x5c)
      i++; // backslash escapes the next byte
    else if (c === 0x28) depth++;
    else if (c === 0x29 && --depth === 0) return buf.toString("latin1", at, i + 1);
  }
  return undefined;
}

const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f", "(": "(", ")": ")", "\\": "\\" };

/** Decodes a raw string token: literal escapes, hex, and UTF-16BE with BOM (how pdf-lib writes CJK text). */
export function decodePdfString(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  let bytes: Buffer;
  if (raw.startsWith("<")) bytes = Buffer.from(raw.slice(1, -1).replace(/\s+/g, ""), "hex");
  else {
    const body = raw.slice(1, -1).replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, c: string) => {
      return ESCAPES[c] ?? String.fromCharCode(parseInt(c, 8));
    });
    bytes = Buffer.from(body, "latin1");
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let s = "";
    for (let i = 2; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return s;
  }
  return bytes.toString("latin1");
}

/** Bounds [start, end) of the object around `at`: back to its ` obj`, forward to `endobj`, each within the window. */
export function enclosingObject(buf: Buffer, at: number): { start: number; end: number; objectNumber?: number } {
  const from = Math.max(0, at - OBJECT_WINDOW);
  const rel = buf.subarray(from, at).lastIndexOf(" obj", undefined, "latin1");
  const start = rel < 0 ? from : from + rel;
  const endRel = buf.subarray(at, Math.min(buf.length, at + OBJECT_WINDOW)).indexOf("endobj", 0, "latin1");
  const end = endRel < 0 ? Math.min(buf.length, at + 256) : at + endRel;
  // "12 0 obj": the two integers just before " obj".
  let i = start - 1;
  while (i >= 0 && isDigit(buf[i])) i--; // generation
  while (i >= 0 && isWhite(buf[i])) i--;
  const numEnd = i + 1;
  while (i >= 0 && isDigit(buf[i]) && numEnd - i <= 10) i--;
  const objectNumber = rel >= 0 && numEnd - (i + 1) > 0 ? Number(buf.toString("latin1", i + 1, numEnd)) : undefined;
  return { start, end, objectNumber };
}

/** The string value of `/key` inside [start, end) (first occurrence followed by a string token). */
export function dictString(buf: Buffer, start: number, end: number, key: string): string | undefined {
  const scope = buf.subarray(start, end);
  const needle = `/${key}`;
  let at = scope.indexOf(needle, 0, "latin1");
  for (let tries = 0; at >= 0 && tries < 64; at = scope.indexOf(needle, at + 1, "latin1"), tries++) {
    const next = scope[at + needle.length];
    if (next !== undefined && !isWhite(next) && next !== 0x28 && next !== 0x3c) continue; // e.g. /M vs /MediaBox
    const raw = readStringToken(scope, at + needle.length);
    if (raw !== undefined) return raw;
  }
  return undefined;
}
