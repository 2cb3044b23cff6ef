import { expect, test } from "@playwright/test";
import { query } from "./support/database";
import { fixture, uniqueName } from "./support/review-helpers";

/** Security behaviour seen from outside (ASVS 4.0 L2, issue 9). */

const title1 =
  "V14.4.3 V14.4.7 pages carry a nonce CSP without unsafe-inline scripts, frame-ancestors 'none' and a " +
  "Permissions-Policy";
test(title1, async ({ request }) => {
  const res = await request.get("/login/applicant");
  const csp = res.headers()["content-security-policy"] ?? "";
  const script = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
  expect(script).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(script).not.toContain("unsafe-inline");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(res.headers()["permissions-policy"]).toContain("camera=()");
  // plain http here: no HSTS (it is only sent when the request came over https)
  expect(res.headers()["strict-transport-security"]).toBeUndefined();
});

test("V13.2.3 a server action posted from another origin is refused with 403", async ({ request }) => {
  const res = await request.post("/login/applicant/activate", {
    headers: { "Next-Action": "0".repeat(42), Origin: "https://evil.example", "Content-Type": "text/plain" },
    data: "[]",
  });
  expect(res.status()).toBe(403);
});

const title2 =
  "V11.1.4 a forged X-Forwarded-For does not escape the 证书查验 limit, which answers 429 with Retry-After and a " +
  "Chinese page";
test(title2, async ({ request, page }, info) => {
  await query("delete from rate_limits where key like 'verify:%'");
  try {
    let last = 0;
    for (let i = 0; i < 61 && last !== 429; i++) {
      const res = await request.get(`/verify/TEST${i}`, { headers: { "X-Forwarded-For": `10.1.${i}.${i}` } });
      last = res.status();
    }
    expect(last).toBe(429);
    const res = await request.get("/verify/TEST-final", { headers: { "X-Forwarded-For": "192.0.2.77" } });
    expect(res.status()).toBe(429);
    expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
    await page.goto("/verify/TEST-browser");
    await expect(page.getByTestId("rate-limited")).toContainText("查询过于频繁");
    await expect(page.getByTestId("rate-limited")).toContainText("再试");
    await page.screenshot({ path: info.outputPath("verify-429.png"), fullPage: true });
  } finally {
    await query("delete from rate_limits where key like 'verify:%'");
  }
});

test("V7.3.3 审计校验 passes on an intact database and names the row a database owner edited", async ({ page }) => {
  // An application filed through the services in another process (as the other specs' fixtures do): its events must
  // be chained with the server's key, or the page would report them as tampered.
  const filed = fixture({ name: uniqueName(), stage: "countersigned" });
  await page.goto("/login/staff");
  await page.getByLabel("用户名").fill("admin");
  await page.locator("#password").fill("Demo2026!");
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.waitForURL((url) => url.pathname === "/admin");
  await page.getByRole("navigation", { name: "功能菜单" }).getByRole("link", { name: "审计校验" }).click();
  await expect(page.getByTestId("audit-ok")).toContainText("校验通过");

  const [target] = await query<{ id: string; opinion: string | null }>(
    "select id, opinion from application_events where application_id = $1 order by seq limit 1",
    [filed.applicationId],
  );
  expect(target, "the fixture's application has events").toBeDefined();
  const original = target!.opinion;
  await query("alter table application_events disable trigger user");
  try {
    await query("update application_events set opinion = '被篡改的意见' where id = $1", [target!.id]);
    await page.reload();
    await expect(page.getByTestId("audit-broken")).toContainText("校验未通过");
    await expect(page.getByTestId("broken-event-id")).toHaveText(String(target!.id));
  } finally {
    await query("update application_events set opinion = $2 where id = $1", [target!.id, original]);
    await query("alter table application_events enable trigger user");
  }
  await page.reload();
  await expect(page.getByTestId("audit-ok")).toBeVisible();
});
