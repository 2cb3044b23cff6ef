/**
 * What the authorization matrix must cover, read from the source tree rather than listed by hand: every page and
 * route handler under app/ (as URL patterns, route groups removed) and every export of every "use server" module
 * (keyed by file path + export name, so the harness does not depend on how an action is built inside). Server
 * actions are reached over HTTP by the id Next gave them in the build's server-reference manifest.
 */
import fs from "node:fs";
import path from "node:path";

export type RouteEntry = { pattern: string; file: string; methods: string[] };
export type ActionEntry = { key: string; file: string; exportName: string };

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === "node_modules" ? [] : walk(full);
    return [full];
  });
}

/** `app/(public)/verify/[registrationNo]/page.tsx` → `/verify/[registrationNo]`. */
function urlPattern(file: string): string {
  const segments = path
    .dirname(file)
    .split(path.sep)
    .slice(1) // "app"
    .filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith("@"));
  return `/${segments.join("/")}`;
}

export function routeInventory(root = "app"): RouteEntry[] {
  return walk(root)
    .filter((f) => /(^|\/)(page\.tsx|route\.ts)$/.test(f))
    .map((file) => {
      const source = fs.readFileSync(file, "utf8");
      const methods = file.endsWith("page.tsx")
        ? ["GET"]
        : [
            ...source.matchAll(
              /export\s+(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE)\b|export\s+const\s+\{?\s*(GET|POST)\b/g,
            ),
          ].map((m) => m[1] ?? m[2]!);
      // next-auth's catch-all exports `handler as GET, handler as POST`.
      for (const m of source.matchAll(/as\s+(GET|POST)\b/g)) methods.push(m[1]!);
      return { pattern: urlPattern(file), file, methods: [...new Set(methods)].sort() };
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** Every export of every module that starts with "use server", under app/ and lib/. */
export function actionInventory(roots = ["app", "lib"]): ActionEntry[] {
  const out: ActionEntry[] = [];
  for (const root of roots) {
    for (const file of walk(root).filter((f) => /\.tsx?$/.test(f))) {
      const source = fs.readFileSync(file, "utf8");
      if (!/^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(source)) continue;
      const names = new Set<string>();
      for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function\*?|const|let)\s+([A-Za-z_$][\w$]*)/g))
        names.add(m[1]!);
      for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
        for (const part of m[1]!.split(",")) {
          const name = part
            .trim()
            .split(/\s+as\s+/)
            .pop()
            ?.trim();
          if (name) names.add(name);
        }
      }
      for (const exportName of names) out.push({ key: `${file}#${exportName}`, file, exportName });
    }
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

type Manifest = {
  node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
};

/** Action id and a page that carries it, per `file#export`, from the production build (`next build`). */
export function builtActions(distDir = ".next"): Map<string, { id: string; page: string }> {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8"),
  ) as Manifest;
  const out = new Map<string, { id: string; page: string }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (!entry.filename || !entry.exportedName) continue;
    const worker = Object.keys(entry.workers).find((w) => w.endsWith("/page")) ?? Object.keys(entry.workers)[0];
    if (!worker) continue;
    out.set(`${entry.filename}#${entry.exportedName}`, { id, page: urlPattern(`${worker}.tsx`) });
  }
  return out;
}

/** A URL for a pattern, dynamic segments filled from `values` (by segment name). */
export function fill(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`no value for [${name}] in ${pattern}`);
    return encodeURIComponent(v);
  });
}
