/**
 * Layer rules (docs/decisions/0007-layering.md). `npm run check:layers` fails on any of these.
 *
 *   app/ (routes, actions), proxy.ts      — thin entry points
 *   components/                           — UI
 *   lib/services/  |  lib/queries/        — use cases (writes) | read models; siblings, neither imports the other
 *   lib/server/                           — infrastructure (auth, storage, pdf, jobs, limits)
 *   db/                                   — schema, client, migrations, reference data, seed
 *   lib/i18n/                             — languages and message catalogs (next-intl), beside the domain
 *   lib/domain/                           — pure rules, no I/O
 *
 * Dependencies point down only. Paths are matched relative to the repository root.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Cycles make layers meaningless and break module initialisation order.",
      from: {},
      to: { circular: true },
    },
    {
      name: "domain-is-pure",
      severity: "error",
      comment: "lib/domain is pure TypeScript: it may import itself and zod, nothing else (no I/O, no node builtins).",
      from: { path: "^lib/domain/" },
      to: { pathNot: ["^lib/domain/", "^node_modules/zod/"] },
    },
    {
      name: "lib-not-up-to-app-or-components",
      severity: "error",
      comment: "lib/ is below the routes and the UI; it must not import app/ or components/.",
      from: { path: "^lib/" },
      to: { path: ["^app/", "^components/"] },
    },
    {
      name: "queries-not-services",
      severity: "error",
      comment: "Read models do not call use cases; put what both need into lib/domain or lib/server.",
      from: { path: "^lib/queries/" },
      to: { path: "^lib/services/" },
    },
    {
      name: "services-not-queries",
      severity: "error",
      comment:
        "Use cases read inside their own transaction, not through read models built for pages; " +
        "keeping them siblings lets a query change shape without touching a write path.",
      from: { path: "^lib/services/" },
      to: { path: "^lib/queries/" },
    },
    {
      name: "server-below-services-and-queries",
      severity: "error",
      comment: "lib/server is infrastructure; use cases and read models build on it, never the other way round.",
      from: { path: "^lib/server/" },
      to: { path: ["^lib/services/", "^lib/queries/"] },
    },
    {
      name: "i18n-beside-the-domain",
      severity: "error",
      comment:
        "lib/i18n holds languages and catalogs only; every layer may translate, so it imports nothing but itself, " +
        "the domain's types and the i18n library.",
      from: { path: "^lib/i18n/" },
      to: { pathNot: ["^lib/i18n/", "^lib/domain/", "^node_modules/(next-intl|use-intl)/"] },
    },
    {
      name: "db-is-the-bottom",
      severity: "error",
      comment: "db/ (schema, client, reference data, seed) must not import infrastructure, use cases or read models.",
      from: { path: "^db/" },
      to: { path: ["^lib/server/", "^lib/services/", "^lib/queries/", "^app/", "^components/"] },
    },
    {
      name: "components-not-db-or-app",
      severity: "error",
      comment: "UI gets its data from lib/queries (or props), never from the database or a route module.",
      from: { path: "^components/" },
      // Server-action modules are the one exception: a client form binds to its action by import, and Next turns
      // that import into a reference to a server endpoint — no route code reaches the component (ADR 0007).
      to: { path: ["^db/", "^app/"], pathNot: ["^app/.*actions\\.ts$", "^app/_actions/"] },
    },
    {
      name: "routes-not-database",
      severity: "error",
      comment:
        "Routes, actions and the proxy stay thin: they call lib/queries or lib/services, never Drizzle or the schema.",
      from: { path: ["^app/", "^proxy\\.ts$"] },
      // db/client is allowed: a route takes the connection (getDb) and hands it to a query or use case, which keeps
      // those testable against a per-test database. Without drizzle-orm and the schema it cannot build a query.
      to: { path: ["^node_modules/drizzle-orm/", "^db/schema\\.ts$", "^db/rows/"] },
    },
    {
      name: "proxy-not-app",
      severity: "error",
      comment: "proxy.ts runs before every route; what it needs lives in lib/, not inside a route folder.",
      from: { path: "^proxy\\.ts$" },
      to: { path: "^app/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["^\\.next/", "^dist/", "^test-results/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
      mainFields: ["module", "main", "types", "typings"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
