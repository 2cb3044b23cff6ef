import type { Executor } from "./client";

/**
 * A query built once per database handle and key, then executed with placeholders: drizzle's query builder costs
 * 0.2–0.8 ms of CPU per build, as much as PostgreSQL's own time for a short statement (issue 12). A transaction is
 * its own handle, so a query built for it is not reused after it ends (the WeakMap lets it go).
 */
const builtBy = new WeakMap<object, Map<string, unknown>>();

export function builtOnce<Q>(db: Executor, key: string, build: () => Q): Q {
  let byKey = builtBy.get(db);
  if (!byKey) {
    byKey = new Map();
    builtBy.set(db, byKey);
  }
  let q = byKey.get(key) as Q | undefined;
  if (!q) {
    // Keys are a query's shape; a bounded number per handle, but never let a bug grow this without limit.
    if (byKey.size >= 512) byKey.clear();
    q = build();
    byKey.set(key, q);
  }
  return q;
}
