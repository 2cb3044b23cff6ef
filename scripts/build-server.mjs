// `npm run build`, after `next build`: compiles the start and the operator commands to plain JavaScript in dist/,
// so production runs `node dist/start.mjs` — no tsx, no npm in the running process tree. Packages stay external.
import { build } from "esbuild";

await build({
  entryPoints: {
    start: "scripts/start.ts",
    "admin-create": "scripts/admin-create.ts",
    backup: "scripts/backup.ts",
    restore: "scripts/restore.ts",
  },
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  tsconfig: "tsconfig.json",
  logLevel: "warning",
  banner: {
    js:
      "import { createRequire as __portalRequire } from 'node:module'; " +
      "const require = __portalRequire(import.meta.url);",
  },
});
