/**
 * Texts the public site makes outside React (issue 14 item 4): the 证书查验 rate-limit message and its 429 page are
 * in the visitor's language, and stay exactly as before for Chinese readers.
 */
import { describe, expect, it } from "vitest";
import { tooManyRequestsPage } from "@/lib/server/too-many-requests";
import { rateLimitMessage } from "@/lib/server/verify-rate-limit";

describe("证书查验 rate limit in the visitor's language", () => {
  it("Chinese is unchanged", () => {
    expect(rateLimitMessage(30)).toBe(
      "查询过于频繁，请 30 秒后再试。为防止注册信息被批量抓取，同一网络每分钟的查询次数有限制，给您带来不便敬请谅解。",
    );
    expect(rateLimitMessage(75)).toMatch(/^查询过于频繁，请 1 分钟后再试。/);
  });

  it("English says the same with plural-aware units", () => {
    expect(rateLimitMessage(1, "en")).toMatch(/^Too many look-ups\. Please try again in 1 second\./);
    expect(rateLimitMessage(30, "en")).toMatch(/in 30 seconds\./);
    expect(rateLimitMessage(75, "en")).toMatch(/in 1 minute\./);
  });

  it("the 429 page is marked and written in the visitor's language", async () => {
    const en = await tooManyRequestsPage(rateLimitMessage(120, "en"), 120, "/verify", "Back", "en").text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain("<h1>Too many requests</h1>");
    expect(en).toContain("(in about 2 minutes)");
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
    const zh = await tooManyRequestsPage(rateLimitMessage(30), 30, "/verify", "返回证书查验").text();
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toMatch(/<p>请于 \d\d:\d\d:\d\d（约 30 秒后）再试。<\/p>/);
  });
});
