/**
 * 一寸照片 and 手写签名 for the demo people. Every application needs both on file (G4), and a registered person has
 * them by definition (they are printed on the certificate), so the demo seeds them: a drawn head-and-shoulders
 * photo on the light-blue ID background, and the person's name as a slanted pen signature, traced from the glyph
 * outlines of the bundled CJK font (no system fonts are needed, so rare characters like 犇 and 堃 come out right).
 * Both are encoded the way an upload is (lib/server/images) and fit every program's limits (the strictest is
 * 浙江's 50 KB JPG).
 */
import fontkit from "@pdf-lib/fontkit";
import sharp from "sharp";
import { PROGRAMS } from "@/lib/domain/programs";
import { reencodeImage } from "@/lib/server/images";
import { loadFontFile } from "@/lib/server/pdf/fonts";

/** MOHURD's recommended pixel sizes (`003` §2.2); the provincial programs set none. */
const PHOTO_PX = { width: 295, height: 413 };
const SIGNATURE_PX = { width: 405, height: 162 };

/** The smallest byte limit any program sets for the kind, so one file serves every program the person files in. */
function strictestMaxBytes(kind: "photo" | "signature"): number {
  return Math.min(...Object.values(PROGRAMS).map((p) => p.files[kind].maxBytes));
}

const SUITS = ["#1f2a44", "#2b2b2b", "#243b55", "#3a3f47"];
const HAIR = ["#1b1b1b", "#2a1f1a", "#141414", "#33261d"];

export async function demoPhoto(index: number, female: boolean): Promise<Buffer> {
  const { width: w, height: h } = PHOTO_PX;
  const suit = SUITS[index % SUITS.length];
  const hair = HAIR[index % HAIR.length];
  const longHair = female ? `<path d="M88 150 Q80 250 100 300 L195 300 Q215 250 207 150 Z" fill="${hair}"/>` : "";
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
  <rect width="${w}" height="${h}" fill="#cfe0f3"/>
  ${longHair}
  <path d="M20 ${h} Q30 300 110 285 L185 285 Q265 300 275 ${h} Z" fill="${suit}"/>
  <path d="M122 285 L148 345 L173 285 Z" fill="#ffffff"/>
  <rect x="129" y="235" width="37" height="55" rx="10" fill="#e9c2a0"/>
  <ellipse cx="147.5" cy="180" rx="55" ry="68" fill="#f1cfb0"/>
  <path d="M92 170 Q95 105 147 103 Q200 105 203 170 Q190 130 147 128 Q105 130 92 170 Z" fill="${hair}"/>
  <ellipse cx="126" cy="182" rx="5" ry="3.5" fill="#2d2d2d"/>
  <ellipse cx="169" cy="182" rx="5" ry="3.5" fill="#2d2d2d"/>
  <path d="M135 220 Q147.5 228 160 220" stroke="#b86a5a" stroke-width="3" fill="none" stroke-linecap="round"/>
</svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  return reencodeImage(png, { kind: "photo", ...PHOTO_PX, maxBytes: strictestMaxBytes("photo") });
}

type GlyphFont = {
  unitsPerEm: number;
  layout(text: string): { glyphs: { path: { toSVG(): string } }[]; positions: { xAdvance: number }[] };
};
let font: Promise<GlyphFont> | undefined;
function signatureFont(): Promise<GlyphFont> {
  font ??= loadFontFile("regular").then((bytes) => fontkit.create(bytes) as unknown as GlyphFont);
  return font;
}

export async function demoSignature(name: string): Promise<Buffer> {
  const { width: w, height: h } = SIGNATURE_PX;
  const f = await signatureFont();
  const run = f.layout(name);
  // As large as fits: a two-character name at 84 px, a four-character one smaller.
  const size = Math.min(84, (w - 120) / Math.max(1, run.glyphs.length * 0.95));
  const scale = size / f.unitsPerEm;
  // Characters a little closer than typeset and slanted, as a quick hand writes them.
  const advance = run.positions.map((p) => p.xAdvance * scale * 0.95);
  const total = advance.reduce((a, b) => a + b, 0);
  let x = (w - total) / 2 + 12;
  const glyphs = run.glyphs.map((g, i) => {
    const at =
      `<path transform="translate(${x.toFixed(1)} ${(h / 2 + size * 0.36 + (i % 2 ? 3 : -2)).toFixed(1)}) ` +
      `scale(${scale} ${-scale})" d="${g.path.toSVG()}"/>`;
    x += advance[i] ?? 0;
    return at;
  });
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
  <rect width="${w}" height="${h}" fill="#ffffff"/>
  <g fill="#1a2140" stroke="#1a2140" stroke-width="14" stroke-linejoin="round" transform="skewX(-14) ` +
    `translate(${(h * 0.25).toFixed(1)} 0)">${glyphs.join("")}</g>
  <path d="M${(w * 0.2).toFixed(0)} ${h - 22} Q${w / 2} ${h - 8} ${(w * 0.82).toFixed(0)} ${h - 30}" ` +
    `stroke="#1a2140" stroke-width="3" fill="none" stroke-linecap="round"/>
</svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  return reencodeImage(png, { kind: "signature", ...SIGNATURE_PX, maxBytes: strictestMaxBytes("signature") });
}
