import { describe, expect, it } from "vitest";
import { inputProblem } from "@/lib/domain/input-fields";

const inputFieldErrors = (...args: Parameters<typeof inputProblem>) => inputProblem(...args)?.fieldErrors ?? {};
import { HOSTILE_TEXT_MESSAGE, postedVersion, text, uuid } from "@/lib/schemas/common";

describe("shared input schemas (issue 9 item 7)", () => {
  it("V5.1.3 one id schema: any 8-4-4-4-12 hex id passes; a 36-character look-alike does not", () => {
    expect(uuid.safeParse("00000000-0000-0000-0000-000000000001").success).toBe(true);
    expect(uuid.safeParse("3f2504e0-4f89-41d3-9a0c-0305e82c3301").success).toBe(true);
    expect(uuid.safeParse("------------------------------------").success).toBe(false);
    expect(uuid.safeParse("aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaa-").success).toBe(false);
  });

  it("V5.2.2 text refuses NUL and lone surrogates with a plain message; a whole emoji is fine", () => {
    for (const bad of ["a\u0000b", "\uD83D", "x\uDE00", "\uDE00\uD83D"]) {
      const r = text(100).safeParse(bad);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toBe(HOSTILE_TEXT_MESSAGE);
    }
    expect(text(100).safeParse(" 上海市 😀 ").data).toBe("上海市 😀");
  });

  it("V5.1.4 a posted version is digits only: empty, negative or fractional is refused (Number('') was 0)", () => {
    expect(postedVersion.safeParse("7").data).toBe(7);
    for (const bad of ["", "-1", "1.5", "1e3", null]) expect(postedVersion.safeParse(bad).success).toBe(false);
  });

  it("zod's own fallback messages are plain Chinese", () => {
    expect(text(10).safeParse(42).error?.issues[0]?.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("W4/W5/W6 input fields: the engine's refusal names the empty fields", () => {
  it("W4 补正 marks only what is empty", () => {
    expect(
      inputFieldErrors("request_correction", { correction: { content: "补充社保证明", reason: " " } } as never),
    ).toEqual({ reason: "请填写补正原因" });
  });
  it("W5 不予注册 without a reason marks 理由; W6 不合格 without a reason marks 不合格原因, no outcome marks the choice", () => {
    expect(Object.keys(inputFieldErrors("reject", { reasons: [""] } as never))).toEqual(["reasons"]);
    expect(Object.keys(inputFieldErrors("publish_notice", { noticeOutcome: "fail", reasons: [] } as never))).toEqual([
      "reasons",
    ]);
    expect(Object.keys(inputFieldErrors("publish_notice", {} as never))).toEqual(["outcome"]);
    expect(inputFieldErrors("publish_notice", { noticeOutcome: "pass" } as never)).toEqual({});
  });
});

describe("isUuid: the id test for queries and services", () => {
  it("V5.1.3 agrees with the schema: 36 dashes or hex in the wrong places are not ids", async () => {
    const { isUuid } = await import("@/lib/domain/ids");
    for (const v of [
      "------------------------------------",
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaa-",
      42,
      null,
    ]) {
      expect(isUuid(v)).toBe(false);
      expect(uuid.safeParse(v).success).toBe(false);
    }
    expect(isUuid("00000000-0000-0000-0000-000000000001")).toBe(true);
  });
});
