/**
 * What a V8 heap snapshot holds, without DevTools (issue 12 item 3: what makes the idle floor of one node). Take one
 * from a running node started with `--heapsnapshot-signal=SIGUSR2` (`kill -USR2 <pid>` writes
 * Heap.<date>.<pid>.*.heapsnapshot into its working directory), then:
 *   npx tsx bench/heap-summary.ts <file.heapsnapshot> [top=25]
 * Prints self size by node type and by constructor/name, and the biggest strings and code by script (the loaded
 * bundles show up as `(compiled code)` and as the source strings of the scripts).
 */
import fs from "node:fs";

const file = process.argv[2];
const top = Number(process.argv[3] ?? 25);
if (!file) throw new Error("usage: npx tsx bench/heap-summary.ts <file.heapsnapshot> [top]");
const snap = JSON.parse(fs.readFileSync(file, "utf8")) as {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
};
const fields = snap.snapshot.meta.node_fields;
const types = snap.snapshot.meta.node_types[0];
const width = fields.length;
const at = { type: fields.indexOf("type"), name: fields.indexOf("name"), size: fields.indexOf("self_size") };
const byType = new Map<string, number>();
const byName = new Map<string, { size: number; count: number }>();
let total = 0;
for (let i = 0; i < snap.nodes.length; i += width) {
  const type = types[snap.nodes[i + at.type]!]!;
  const size = snap.nodes[i + at.size]!;
  total += size;
  byType.set(type, (byType.get(type) ?? 0) + size);
  const raw = snap.strings[snap.nodes[i + at.name]!] ?? "";
  const name = type === "object" || type === "closure" ? raw : `(${type}) ${type === "string" ? "" : raw.slice(0, 80)}`;
  const entry = byName.get(name) ?? { size: 0, count: 0 };
  entry.size += size;
  entry.count += 1;
  byName.set(name, entry);
}
const mb = (n: number) => `${(n / 2 ** 20).toFixed(1).padStart(7)} MB`;
console.log(`${file}: ${mb(total)} in ${(snap.nodes.length / width).toLocaleString()} objects`);
console.log("by type:");
for (const [t, s] of [...byType].sort((a, b) => b[1] - a[1])) console.log(`  ${mb(s)}  ${t}`);
console.log(`top ${top} by constructor / name:`);
for (const [n, e] of [...byName].sort((a, b) => b[1].size - a[1].size).slice(0, top)) {
  console.log(`  ${mb(e.size)}  ${String(e.count).padStart(8)} × ${n.replace(/\s+/g, " ").slice(0, 90)}`);
}
