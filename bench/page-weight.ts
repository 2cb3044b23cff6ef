/**
 * First-load JavaScript per route, read from the production build (issue 12, item 4): the framework's own chunks
 * (build-manifest rootMainFiles: React, the Next runtime, Turbopack's loader) and, per route, the extra chunks its
 * layouts and page pull in (entryJSFiles of the route's client-reference manifest), all gzipped (level 9).
 * Target: extra ≤ 15 KB gzipped on every route; exits 1 when any route is over, so it can gate a build.
 *   npx next build && npm run bench:page-weight
 */
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const NEXT = path.resolve(process.cwd(), ".next");
const BUDGET_KB = 15;
const build = JSON.parse(fs.readFileSync(path.join(NEXT, "build-manifest.json"), "utf8")) as {
  rootMainFiles: string[];
};
const sizes = new Map<string, number>();
const gz = (file: string) => {
  if (!sizes.has(file)) sizes.set(file, gzipSync(fs.readFileSync(path.join(NEXT, file)), { level: 9 }).length);
  return sizes.get(file)!;
};
const kb = (n: number) => `${(n / 1024).toFixed(1).padStart(6)} KB`;
const framework = new Set(build.rootMainFiles);
const frameworkBytes = [...framework].reduce((n, f) => n + gz(f), 0);

function manifests(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? manifests(p) : e.name.endsWith("page_client-reference-manifest.js") ? [p] : [];
  });
}

const rows: { route: string; extra: number; chunks: number }[] = [];
for (const file of manifests(path.join(NEXT, "server", "app"))) {
  const g = globalThis as {
    self?: unknown;
    __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }>;
  };
  g.self = globalThis;
  g.__RSC_MANIFEST = {};
  // The manifest is a script assigning globalThis.__RSC_MANIFEST[route]; evaluate it as the server does.
  new Function(fs.readFileSync(file, "utf8"))();
  for (const [key, m] of Object.entries(g.__RSC_MANIFEST)) {
    const route = key.replace(/\/page$/, "") || "/";
    // The entries of this route's own segments: the root layout, its nested layouts and the page.
    const own = Object.entries(m.entryJSFiles).filter(([seg]) => {
      const s = seg.replace(/^\[project\]\/app/, "").replace(/\/(layout|page)$/, "") || "/";
      return seg.endsWith("/layout") || seg.endsWith("/page")
        ? key.replace(/\/page$/, "").startsWith(s === "/" ? "" : s)
        : false;
    });
    const files = new Set(own.flatMap(([, f]) => f).filter((f) => !framework.has(f)));
    rows.push({ route, extra: [...files].reduce((n, f) => n + gz(f), 0), chunks: files.size });
  }
}
rows.sort((a, b) => b.extra - a.extra);
console.log(
  `framework (rootMainFiles, ${framework.size} chunks): ${kb(frameworkBytes)} gzipped; budget per route: framework ` +
    `+ ${BUDGET_KB} KB\n`,
);
console.log(`${"route".padEnd(52)} ${"framework".padStart(9)} ${"route".padStart(9)} ${"total".padStart(9)}`);
for (const r of rows) {
  const over = r.extra > BUDGET_KB * 1024 ? "  OVER" : "";
  console.log(
    `${r.route.padEnd(52)} ${kb(frameworkBytes)} ${kb(r.extra)} ${kb(frameworkBytes + r.extra)}  (${r.chunks} ` +
      `chunks)${over}`,
  );
}
const over = rows.filter((r) => r.extra > BUDGET_KB * 1024);
console.log(
  `\n${rows.length} routes, ${over.length} over budget; heaviest +${kb(rows[0]?.extra ?? 0)} (${rows[0]?.route})`,
);
if (rows.length === 0) {
  console.error("No routes found in .next/server/app: run `npx next build` first.");
  process.exitCode = 1;
} else if (over.length > 0) {
  console.error(
    `Over the page-weight budget (framework + ${BUDGET_KB} KB gzipped): ${over.map((r) => r.route).join(", ")}`,
  );
  process.exitCode = 1;
}
