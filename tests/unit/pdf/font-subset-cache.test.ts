import { describe, expect, it } from "vitest";
import { subsetCjkFont } from "@/lib/server/pdf/fonts";

// Issue 12 item 5: repeated character sets reuse the harfbuzz subset instead of subsetting the 10 MiB face again.
describe("subsetCjkFont cache", () => {
  it("returns the same subset for the same characters in any order, and a new one for other characters", async () => {
    const first = await subsetCjkFont("王堃申请表", "bold");
    expect(await subsetCjkFont("表请申堃王王", "bold")).toBe(first);
    const other = await subsetCjkFont("李喆申请表", "bold");
    expect(other).not.toBe(first);
    expect(await subsetCjkFont("王堃申请表", "regular")).not.toBe(first);
  }, 60_000);
});
