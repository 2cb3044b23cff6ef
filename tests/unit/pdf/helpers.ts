import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** poppler-utils (pdftotext, pdftoppm, pdfimages) — Debian package `poppler-utils`; CI installs it. */
export function hasTool(name: string): boolean {
  try {
    execFileSync("which", [name], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export function tempDir(prefix = "pdf-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function withFile<T>(pdf: Uint8Array, fn: (file: string, dir: string) => T): T {
  const dir = tempDir();
  const file = path.join(dir, "doc.pdf");
  fs.writeFileSync(file, pdf);
  try {
    return fn(file, dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Text of the PDF via poppler's pdftotext, whitespace removed so CJK runs compare regardless of layout. */
export function pdfText(pdf: Uint8Array): string {
  if (!hasTool("pdftotext")) throw new Error("pdftotext missing: apt-get install -y poppler-utils");
  return withFile(pdf, (file) => execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"]).toString("utf8")).replace(
    /\s+/g,
    "",
  );
}

export function pdfPageCount(pdf: Uint8Array): number {
  return withFile(pdf, (file) => Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file]).toString())?.[1]));
}

/** Images embedded in the PDF, extracted as PNG files by pdfimages (returns their bytes). */
export function pdfImages(pdf: Uint8Array): Buffer[] {
  return withFile(pdf, (file, dir) => {
    execFileSync("pdfimages", ["-png", file, path.join(dir, "img")]);
    return fs
      .readdirSync(dir)
      .filter((f) => f.startsWith("img"))
      .sort()
      .map((f) => fs.readFileSync(path.join(dir, f)));
  });
}

/**
 * Writes page PNGs (pdftoppm -png -r 80) for eyeballing when PDF_SNAPSHOT_DIR is set (keep it outside the repo,
 * e.g. /tmp/pdf-snapshots). Also checks that poppler renders the file without errors.
 */
export function renderPages(pdf: Uint8Array, name: string): void {
  if (!hasTool("pdftoppm")) return;
  const out = process.env.PDF_SNAPSHOT_DIR;
  withFile(pdf, (file, dir) => {
    const prefix = out ? path.join(out, name) : path.join(dir, name);
    if (out) fs.mkdirSync(out, { recursive: true });
    execFileSync("pdftoppm", ["-png", "-r", "80", file, prefix], { stdio: ["ignore", "pipe", "pipe"] });
  });
}
