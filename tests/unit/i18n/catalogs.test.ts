import { describe, expect, it } from "vitest";
import { messagesFor } from "@/lib/i18n/catalog";
import { LOCALES } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";

/** Every leaf of a catalog as "path → message". */
function leaves(node: unknown, path: string[] = [], out = new Map<string, string>()): Map<string, string> {
  if (typeof node === "string") out.set(path.join("."), node);
  else if (node && typeof node === "object") for (const [k, v] of Object.entries(node)) leaves(v, [...path, k], out);
  return out;
}

/** ICU argument names of a message ({name}, {count, plural, …}), sorted. */
function argumentsOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)].map((m) => m[1]!))].sort();
}

describe("message catalogs (issue 14 item 4)", () => {
  const zh = leaves(messagesFor("zh-CN"));

  it.each(LOCALES.filter((l) => l !== "zh-CN"))(
    "%s has exactly the keys of zh-CN, each with the same placeholders",
    (locale) => {
      const other = leaves(messagesFor(locale));
      expect([...other.keys()].sort()).toEqual([...zh.keys()].sort());
      for (const [key, message] of zh) expect(argumentsOf(other.get(key)!), key).toEqual(argumentsOf(message));
    },
  );

  it("no English message is left in Chinese, and no message is empty", () => {
    for (const [key, message] of leaves(messagesFor("en"))) {
      expect(message.trim(), key).not.toBe("");
      // Proper names (people, companies, 香港测量师互认证号 examples) may appear as placeholders, never as text.
      expect(message, key).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("a translator outside React formats placeholders in the reader's language", () => {
    expect(translator("en", "common")("switchTo", { language: "中文" })).toBe("Switch to 中文");
    expect(translator("zh-CN", "common")("switchTo", { language: "English" })).toBe("切换为English");
  });
});
