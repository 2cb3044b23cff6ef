import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { PASSWORD } from "./support/applicant-steps";
import { query } from "./support/database";

/**
 * Issue 14 item 4: the language switch in the header, remembered per account. The Hong Kong member (陈玥,
 * 香港测量师互认证号 HKQS-2019-0123) picks English on the sign-in page, signs in and keeps English after signing out
 * and clearing the browser; switching back to 中文 makes the account Chinese again. The switch works without
 * JavaScript and from the keyboard.
 */
const HK_LOGIN = "hk_surveyor_mutual:HKQS-2019-0123";
const SHOTS = process.env.LANGUAGE_SHOTS_DIR ?? "test-results/screens";

async function accountLocale(): Promise<string> {
  const [row] = await query<{ locale: string }>("select locale from user_accounts where login_name = $1", [HK_LOGIN]);
  return row!.locale;
}

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, clip: { x: 0, y: 0, width: 1280, height: 180 } });
}

const html = (page: Page) => page.locator("html");

test.beforeEach(async () => {
  await query("delete from rate_limits where key like 'login:%' or key like 'lock:%'");
  await query("update user_accounts set locale = 'zh-CN' where login_name = $1", [HK_LOGIN]);
});

test("the Hong Kong member picks English on the sign-in page, and the account remembers it", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/login/applicant");
  await expect(html(page)).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: "个人登录" })).toBeVisible();
  await shot(page, "D-public-header-zh");

  await page.getByRole("button", { name: "English" }).click();
  await expect(html(page)).toHaveAttribute("lang", "en");
  await expect(page).toHaveURL(/\/login\/applicant$/);
  await expect(page.getByRole("heading", { name: "Individual sign-in" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Site navigation" })).toContainText("Verify a certificate");
  await shot(page, "D-public-header-en");
  await page.screenshot({ path: `${SHOTS}/D-signin-en.png`, fullPage: true });

  // A refusal made by the sign-in use case is in the page's language too.
  await page.getByLabel("ID document type").selectOption("hk_surveyor_mutual");
  await page.getByLabel("ID document number").fill("HKQS-2019-0123");
  await page.locator("#password").fill("Wrong2026!");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(".alert-error")).toContainText("Incorrect ID document number or password");

  await page.locator("#password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/applicant");
  await expect(html(page)).toHaveAttribute("lang", "en");
  await expect(page.getByRole("button", { name: "中文" })).toBeVisible();
  expect(await accountLocale()).toBe("en");
  await shot(page, "D-app-header-en");

  // Signed out, cookies cleared: the sign-in page is Chinese again, but the account still says English.
  await page.getByRole("button", { name: /^(退出登录|Sign out)$/ }).click();
  await page.waitForURL((url) => url.pathname === "/login/applicant");
  await page.context().clearCookies();
  await page.goto("/login/applicant");
  await expect(html(page)).toHaveAttribute("lang", "zh-CN");
  await page.getByLabel("证件类型").selectOption("hk_surveyor_mutual");
  await page.getByLabel("证件号码").fill("HKQS-2019-0123");
  await page.locator("#password").fill(PASSWORD);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.waitForURL((url) => url.pathname === "/applicant");
  await expect(html(page)).toHaveAttribute("lang", "en");
  expect(await accountLocale()).toBe("en");

  // Back to 中文 from the signed-in header: the account is Chinese again, on this page and the next.
  await page.getByRole("button", { name: "中文" }).click();
  await expect(html(page)).toHaveAttribute("lang", "zh-CN");
  await expect(page).toHaveURL(/\/applicant$/);
  await expect(page.getByRole("button", { name: "English" })).toBeVisible();
  expect(await accountLocale()).toBe("zh-CN");
  await shot(page, "D-app-header-zh");
  await page.reload();
  await expect(html(page)).toHaveAttribute("lang", "zh-CN");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the switch is a plain form: keyboard and Enter change the language and keep the page", async ({ page }) => {
    await page.goto("/notices?q=%E9%80%9A%E7%9F%A5");
    await expect(html(page)).toHaveAttribute("lang", "zh-CN");
    const english = page.getByRole("button", { name: "English" });
    await english.focus();
    await expect(english).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(html(page)).toHaveAttribute("lang", "en");
    await expect(page).toHaveURL(/\/notices\?q=%E9%80%9A%E7%9F%A5$/);
    await expect(page.getByRole("heading", { name: "Notices" })).toBeVisible();
    // The rest of the public site follows the cookie on every page (looked at in the screenshots).
    for (const [path, heading] of [
      ["/", "Practice registration online"],
      ["/verify", "Verify a registration certificate"],
      ["/login/applicant/reset", "Reset password"],
    ]) {
      await page.goto(path!);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      const name = path === "/" ? "home" : path!.split("/").filter(Boolean).join("-");
      await page.screenshot({ path: `${SHOTS}/D-${name}-en.png`, fullPage: true });
    }
    await page.goto("/notices?q=%E9%80%9A%E7%9F%A5");
    await page.getByRole("button", { name: "中文" }).press("Enter");
    await expect(html(page)).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { name: "通知公告" })).toBeVisible();
  });
});
