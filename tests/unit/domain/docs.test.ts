import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { APPLICATION_STATUSES, renderMermaid } from "@/lib/domain";

describe("docs/engine.md", () => {
  it("T: the mermaid state diagram equals renderMermaid() of the transition table", () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, "../../../docs/engine.md"), "utf8");
    const block = /```mermaid\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(block).toBe(renderMermaid());
  });

  it("T: the diagram mentions every status", () => {
    const diagram = renderMermaid();
    for (const s of APPLICATION_STATUSES) expect(diagram).toContain(` ${s} `);
  });
});
