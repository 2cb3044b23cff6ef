import { expect, type Locator, type Page, test } from "@playwright/test";
import { query } from "./support/database";

/**
 * 修改登录密码, the record editors and 基本信息修改's contact form in English for a member who chooses it (issue 14
 * item 4): the Hong Kong demo member presses the header's "English"; labels, the browser's own input checks and the
 * editor's notices are English (they come as props from the server page: no next-intl in the browser), then 中文
 * restores Chinese.
 */
const LOGIN = "hk_surveyor_mutual:HKQS-2019-0123";
const CHINESE = /[\u4e00-\u9fff]/;

async function signInHongKongMember(page: Page) {
  await page.goto("/login/applicant");
  await page.getByLabel("证件类型").selectOption({ label: "香港测量师互认证号" });
  await page.getByLabel("证件号码").fill("HKQS-2019-0123");
  await page.locator("#password").fill("Demo2026!");
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.waitForURL((url) => url.pathname === "/applicant");
}

/** No Chinese left in what the element says: labels, help, messages, buttons. */
async function expectNoChinese(element: Locator) {
  expect(await element.textContent()).not.toMatch(CHINESE);
}

test.beforeEach(async () => {
  await query("delete from rate_limits where key like 'login:%' or key like 'lock:%'");
});
// The account remembers the language: leave the member Chinese for every other spec, whatever happened here.
test.afterEach(async () => {
  await query("update user_accounts set locale = 'zh-CN' where login_name = $1", [LOGIN]);
});

test("修改登录密码 and 工作经历 speak English to a member who chose it, and Chinese again after 中文", async ({
  page,
}, info) => {
  await signInHongKongMember(page);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "中文" })).toBeVisible();

  // 修改登录密码: labels, the rule, and the browser's checks before anything is sent.
  await page.goto("/applicant/password");
  await expect(page).toHaveTitle(/^Change password - /);
  await expect(page.getByRole("heading", { name: "Change password", level: 1 })).toBeVisible();
  const form = page.getByRole("form", { name: "Change password" });
  await expect(form.getByLabel("Current password")).toBeVisible();
  await expect(form.getByLabel(/^New password/)).toBeVisible();
  await expect(form.getByText("8 to 64 characters, with at least one letter and one digit.")).toBeVisible();
  await form.getByLabel("Current password").fill("Demo2026!");
  await form.getByLabel(/^New password/).fill("short1");
  await form.getByLabel("Confirm new password").fill("short2");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("The two passwords do not match. Please enter them again.")).toBeVisible();
  await expect(form.locator(".field .error")).toHaveCount(2);
  await expectNoChinese(form);
  await page.screenshot({ path: info.outputPath("password-en.png"), fullPage: true });

  // 工作经历: the page, the editor, its checks and its notices.
  await page.goto("/applicant/records/work");
  await expect(page).toHaveTitle(/^Work experience - /);
  await expect(page.getByRole("heading", { name: "Work experience", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Add work experience entry" }).click();
  const editor = page.getByRole("form", { name: "Add work experience entry" });
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(editor.getByText("Start date: choose a date.")).toBeVisible();
  await expect(editor.getByText("Organisation: please fill this in.")).toBeVisible();
  await expectNoChinese(editor);
  await editor.getByLabel("Start date").fill("2018-09-01");
  await editor.getByLabel("End date").fill("2018-08-31");
  await editor.getByLabel("Organisation").fill("Example Surveyors Ltd");
  await editor.getByLabel("Work and position").fill("Quantity surveyor");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(editor.getByText("The end date cannot be earlier than the start date.")).toBeVisible();
  await editor.getByLabel("End date").fill("");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("The work experience entry has been added.")).toBeVisible();
  const row = page.getByRole("row", { name: /Example Surveyors Ltd/ });
  await expect(row.getByRole("cell", { name: "To date" })).toBeVisible();
  await page.screenshot({ path: info.outputPath("work-en.png"), fullPage: true });

  // Delete what this test added (the demo member's records are other specs' data).
  await row.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete work experience entry" });
  await expect(dialog).toContainText("Delete this work experience entry? This cannot be undone");
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeVisible();
  await expectNoChinese(dialog);
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText("The work experience entry has been deleted.")).toBeVisible();
  await expect(page.getByRole("row", { name: /Example Surveyors Ltd/ })).toHaveCount(0);

  // 基本信息修改: the contact form and its check.
  await page.goto("/applicant/profile/edit");
  await expect(page.getByRole("heading", { name: "Edit personal information", level: 1 })).toBeVisible();
  const contact = page.getByRole("form", { name: "Edit personal information" });
  await contact.getByLabel("Mobile number").fill("12345");
  await contact.getByRole("button", { name: "Save" }).click();
  await expect(
    contact.getByText("Enter an 11-digit mainland China mobile number, for example 13800000001."),
  ).toBeVisible();
  await expectNoChinese(contact);
  await page.screenshot({ path: info.outputPath("profile-edit-en.png"), fullPage: true });

  // 中文: the same page in Chinese, exactly as before.
  await page.goto("/applicant/records/work");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { name: "工作经历", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "添加工作经历" })).toBeVisible();
  await page.goto("/applicant/password");
  await expect(page.getByRole("form", { name: "修改登录密码" }).getByLabel("原密码")).toBeVisible();
});
