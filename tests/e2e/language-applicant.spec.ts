import { expect, test, type Page } from "@playwright/test";
import { query } from "./support/database";

/**
 * English for Hong Kong members (issue 14 item 4): the Hong Kong demo member switches the header to English and the
 * frame and her pages (首页, 基本信息查看, 我的消息, 领证, 我的申辩) speak English, with no Chinese left in the menu;
 * her own data (name, school) stays as it was written. Switching back gives the Chinese pages unchanged.
 */
const LOGIN = "HKQS-2019-0123";
const CHINESE = /[\u4e00-\u9fff]/;

const nav = (page: Page, name: string) => page.getByRole("navigation", { name });

/** An upload the route refuses (unknown kind): its message is in the account's language. */
async function refusedUpload(page: Page) {
  const res = await page.request.post("/applicant/uploads", {
    multipart: { kind: "bogus", file: { name: "a.jpg", mimeType: "image/jpeg", buffer: Buffer.from("x") } },
  });
  expect(res.status()).toBe(400);
  return ((await res.json()) as { error: string }).error;
}

async function signIn(page: Page) {
  await query("delete from rate_limits where key like 'login:%' or key like 'lock:%'");
  await page.goto("/login/applicant");
  await page.getByLabel("证件类型").selectOption({ label: "香港测量师互认证号" });
  await page.getByLabel("证件号码").fill(LOGIN);
  await page.locator("#password").fill("Demo2026!");
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.waitForURL((url) => url.pathname === "/applicant");
}

/** The account remembers the language: start and end in Chinese whatever happened in between. */
const resetLanguage = () =>
  query("update user_accounts set locale = 'zh-CN' where role = 'applicant' and login_name like $1", [`%:${LOGIN}`]);
test.beforeAll(resetLanguage);
test.afterAll(resetLanguage);

test("the Hong Kong member switches to English: frame, 首页, 基本信息, 我的消息, 领证, 我的申辩; and back", async ({
  page,
}) => {
  await signIn(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("您好，陈玥");
  await page.getByRole("button", { name: "English" }).click();

  // The frame: header, menu (no Chinese at all), sign-out; her name stays as written.
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, 陈玥");
  const menu = nav(page, "Menu");
  for (const item of ["Home", "View personal information", "My applications", "Claim e-certificate", "My appeals"])
    await expect(menu.getByRole("link", { name: item, exact: true })).toBeVisible();
  await expect(menu.getByRole("link", { name: /^My messages/ })).toBeVisible();
  expect(await menu.textContent()).not.toMatch(CHINESE);
  await expect(page.locator(".brand-title")).toContainText("Practice Registration Portal");
  await expect(page.locator(".brand-title")).toContainText("Applicant services");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page.getByRole("button", { name: "中文" })).toBeVisible();

  // 首页
  await expect(page.getByText("Registrations in force")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Recent applications" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Tips" })).toBeVisible();
  await expect(page).toHaveTitle("Home - Applicant services");
  expect(await page.locator("main").textContent()).not.toMatch(/办理提示|最近上报业务|资格证书|有效注册/);
  await page.screenshot({ path: "/work/briefs/out/A-home-en.png", fullPage: true });

  // 基本信息查看: labels and coded values in English, her data as written.
  await menu.getByRole("link", { name: "View personal information" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("View personal information");
  await expect(page.getByRole("heading", { name: "Personal details" })).toBeVisible();
  const facts = page.locator("dl.facts").first();
  await expect(facts.locator("div", { has: page.getByText("Type of identity document") })).toContainText(
    "Hong Kong surveyor mutual recognition number",
  );
  await expect(facts.locator("div", { has: page.getByText("Gender", { exact: true }) })).toContainText("Female");
  await expect(facts).toContainText("香港理工大学");
  await expect(page.getByRole("columnheader", { name: "Obtained by" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Mutual recognition" })).toBeVisible();

  // 我的消息
  await menu.getByRole("link", { name: /^My messages/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My messages");
  await expect(page.getByRole("columnheader", { name: "Message" }).or(page.getByText(/^No messages\./))).toBeVisible();

  // 领证: she has never registered.
  await menu.getByRole("link", { name: "Claim e-certificate" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Claim e-certificate");
  await expect(page.getByRole("heading", { name: "My registration certificates" })).toBeVisible();
  await expect(page.getByText("You have no registration certificates yet.", { exact: false })).toBeVisible();

  // 我的申辩
  await menu.getByRole("link", { name: "My appeals" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My appeals");
  await expect(page.getByText("nothing to appeal", { exact: false })).toBeVisible();
  expect(await page.locator("main").textContent()).not.toMatch(CHINESE);
  expect(await refusedUpload(page)).toBe("Wrong type of upload. Please refresh the page and try again.");

  // Back to Chinese: same page, Chinese frame and menu as before.
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的申辩");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  const zhMenu = nav(page, "功能菜单");
  for (const item of ["首页", "基本信息查看", "上报业务查询", "领证", "我的申辩"])
    await expect(zhMenu.getByRole("link", { name: item, exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
  await expect(page.getByText("您目前没有社保异常或人员查重异常记录，无需申辩。")).toBeVisible();
  expect(await refusedUpload(page)).toBe("上传类型不正确，请刷新页面后重试。");
  await zhMenu.getByRole("link", { name: "首页" }).click();
  await expect(page.getByRole("heading", { name: "办理提示" })).toBeVisible();
  const [account] = await query<{ locale: string }>(
    "select locale from user_accounts where role = 'applicant' and login_name like $1",
    [`%:${LOGIN}`],
  );
  expect(account?.locale).toBe("zh-CN");
});
