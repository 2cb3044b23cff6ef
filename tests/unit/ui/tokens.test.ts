import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The design tokens (components/ui/tokens.css) are the only place colours are defined; this keeps every text colour
 * readable on the backgrounds it is used on (WCAG 1.4.3: ≥ 4.5:1 for normal text), so a token change that would make
 * the axe run fail is caught here first, with the pair named.
 */
const root = path.resolve(import.meta.dirname, "../../..");
const tokensCss = fs.readFileSync(path.join(root, "components/ui/tokens.css"), "utf8");

function tokens(css: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of css.matchAll(/--([a-z0-9-]+):\s*(#[0-9a-f]{3,6})\s*;/gi)) out.set(m[1]!, m[2]!.toLowerCase());
  return out;
}

function luminance(hex: string): number {
  const h = hex.length === 4 ? [...hex.slice(1)].map((c) => c + c).join("") : hex.slice(1);
  const [r, g, b] = [0, 2, 4]
    .map((i) => parseInt(h.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

// [text, background]: every pairing the stylesheets use for text.
const PAIRS: [string, string][] = [
  ["text", "surface"],
  ["text", "bg"],
  ["text", "surface-sunken"],
  ["muted", "surface"],
  ["muted", "bg"],
  ["muted", "surface-sunken"],
  ["muted", "surface-strong"],
  ["muted", "brand-soft"],
  ["brand", "surface"],
  ["brand", "brand-soft"],
  ["brand-dark", "brand-soft"],
  ["on-brand", "brand"],
  ["on-brand", "brand-dark"],
  ["on-brand", "accent"],
  ["on-brand", "danger"],
  ["accent", "surface"],
  ["danger", "surface"],
  ["danger", "danger-bg"],
  ["success", "success-bg"],
  ["warning", "warning-bg"],
  ["cert-label", "surface"],
  ["cert-ink", "cert-paper-bottom"],
  ["cert-title", "cert-paper-bottom"],
];

describe("design tokens", () => {
  const t = tokens(tokensCss);

  it.each(PAIRS)("text colour --%s on --%s has at least 4.5:1 contrast (WCAG 1.4.3)", (fg, bg) => {
    expect(t.get(fg), `--${fg} is defined`).toBeDefined();
    expect(t.get(bg), `--${bg} is defined`).toBeDefined();
    expect(contrast(t.get(fg)!, t.get(bg)!)).toBeGreaterThanOrEqual(4.5);
  });

  it("computes contrast the WCAG way (black on white is 21:1, a pale grey fails)", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#98a2b3", "#ffffff")).toBeLessThan(4.5);
  });

  it("is the only place raw colours are written: the stylesheets and components use the tokens", () => {
    const files = [
      "app/globals.css",
      "components/public/public.css",
      "components/review/review.css",
      "components/applicant/applicant.css",
      "components/verify/verify.module.css",
      "components/review/charts.tsx",
    ];
    const raw = files.flatMap((f) =>
      fs
        .readFileSync(path.join(root, f), "utf8")
        .split("\n")
        .map((line, i) => ({ where: `${f}:${i + 1}`, line }))
        .filter(({ line }) => /#[0-9a-f]{3,8}\b|rgba?\(/i.test(line.replace(/\/\*.*?\*\//g, ""))),
    );
    expect(raw.map((r) => `${r.where} ${r.line.trim()}`)).toEqual([]);
  });
});
