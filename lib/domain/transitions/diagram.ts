/** Mermaid rendering of the transition table (docs/engine.md embeds its output; a test keeps them equal). */
import { APPLICATION_STATUSES, type ActorKind, type ApplicationStatus } from "../types";
import type { Action } from "./labels";
import { transitionsFrom } from "./table";

export function renderMermaid(): string {
  const lines = ["stateDiagram-v2", "  [*] --> draft"];
  for (const from of APPLICATION_STATUSES) {
    // One edge per (target, action), listing every actor kind that may take it.
    const edges = new Map<string, { to: ApplicationStatus; action: Action; actors: ActorKind[] }>();
    for (const spec of transitionsFrom(from)) {
      for (const to of spec.to) {
        const key = `${to}|${spec.action}`;
        const e = edges.get(key) ?? { to, action: spec.action, actors: [] };
        if (!e.actors.includes(spec.by)) e.actors.push(spec.by);
        edges.set(key, e);
      }
    }
    for (const e of edges.values()) lines.push(`  ${from} --> ${e.to} : ${e.action} (${e.actors.join(", ")})`);
    if (transitionsFrom(from).length === 0) lines.push(`  ${from} --> [*]`);
  }
  return lines.join("\n");
}
