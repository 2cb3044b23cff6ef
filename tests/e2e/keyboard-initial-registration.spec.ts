import { expect, test, type Locator, type Page } from "@playwright/test";
import { createApplicant, jpeg, PASSWORD } from "./support/applicant-steps";
import { latestSmsCode, query } from "./support/database";

/**
 * Issue 13: 初始注册 with the keyboard only — sign in, photo and signature, 申报须知, 个人承诺书, attachments, 保存,
 * 个人数字签名 with the SMS code. Every element is reached with Tab (never clicked), activated with Enter or Space,
 * and filled by typing; so a control that cannot be focused or operated from the keyboard fails the test.
 */
async function tabTo(page: Page, target: Locator, max = 250) {
  await expect(target).toBeVisible();
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`could not reach ${target} with Tab`);
}

async function press(page: Page, target: Locator, key: "Enter" | "Space" = "Enter") {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

async function type(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

async function chooseFile(page: Page, input: Locator, name: string, buffer: Buffer) {
  await tabTo(page, input);
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Space")]);
  await chooser.setFiles({ name, mimeType: "image/jpeg", buffer });
}

test("初始注册 by keyboard only: 二级造价工程师（上海）from sign-in to 个人数字签名", async ({ page }) => {
  test.setTimeout(300_000);
  const me = await createApplicant("钟燚", "cost2-sh", "1");
  await query("delete from rate_limits where key like 'login:%' or key like 'lock:%' or key like 'code:%'");

  await page.goto("/login/applicant");
  await type(page, page.getByLabel("证件号码"), me.idNumber);
  await type(page, page.locator("#password"), PASSWORD);
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.pathname === "/applicant");

  await page.goto("/applicant/profile/edit");
  await press(page, page.getByLabel("本人已阅读并作出上述承诺"), "Space");
  await chooseFile(page, page.getByLabel("上传一寸照片"), "photo.jpg", await jpeg(600, 840, "#dfe8f5"));
  await expect(page.getByText("一寸照片已保存。")).toBeVisible();
  await chooseFile(page, page.getByLabel("上传手写签名"), "signature.jpg", await jpeg(800, 320, "#ffffff"));
  await expect(page.getByText("手写签名已保存。")).toBeVisible();

  await page.goto("/applicant/apply");
  await press(page, page.getByTestId("program-cost2-sh").getByRole("button", { name: "初始注册（土木建筑工程）" }));
  await page.waitForURL(/\/applicant\/applications\/[0-9a-f-]+\/edit$/);
  const applicationId = page.url().split("/").at(-2)!;

  await press(page, page.getByLabel("全选"), "Space");
  await press(page, page.getByRole("button", { name: "下一步" }));
  await expect(page.getByRole("heading", { name: "个人承诺书" })).toBeVisible();
  await press(page, page.getByLabel("本人做出上述承诺"), "Space");
  const confirm = page.getByRole("button", { name: /^确认/ });
  await expect(confirm).toBeEnabled({ timeout: 75_000 });
  await press(page, confirm);
  await expect(page.getByRole("heading", { name: "申报信息" })).toBeVisible();

  const uploads = page.locator('input[type=file][id^="upload-"]');
  expect(await uploads.count()).toBeGreaterThan(0);
  const uploadMissing = async () => {
    const count = await uploads.count();
    for (let i = 0; i < count; i++) {
      const input = uploads.nth(i);
      const code = (await input.getAttribute("id"))!.slice("upload-".length);
      const slot = page.locator(`[data-attachment="${code}"]`);
      if ((await slot.getByRole("link", { name: /\.jpg/ }).count()) > 0) continue;
      await chooseFile(page, input, `${code}.jpg`, await jpeg(1200, 1600, "#f7f7f2"));
      await expect(slot.getByRole("link", { name: new RegExp(`${code}\\.jpg`) })).toBeVisible();
    }
  };
  await uploadMissing();
  await press(page, page.locator('[data-field="applicantOpinion"] input[type=checkbox]'), "Space");
  await press(page, page.getByRole("button", { name: "保存", exact: true }));
  // The stamped form is asked for once a saved form can be printed: upload it, then save again.
  if ((await page.locator('[data-attachment="application_form"]').count()) > 0) {
    await expect(page.getByRole("link", { name: "打印申请表" })).toBeVisible();
    await uploadMissing();
    await press(page, page.getByRole("button", { name: "保存", exact: true }));
  }
  await expect(page.getByText("保存成功，数据已通过校验")).toBeVisible();

  await press(page, page.getByRole("button", { name: "【个人数字签名】" }));
  const dialog = page.getByRole("dialog", { name: "个人数字签名" });
  await press(page, dialog.getByRole("button", { name: "获取验证码" }));
  await expect(dialog.getByTestId("masked-phone")).toBeVisible();
  await type(page, dialog.getByLabel("短信验证码"), await latestSmsCode(me.phone));
  await press(page, dialog.getByRole("button", { name: "签名确认" }));
  await page.waitForURL(new RegExp(`/applicant/applications/${applicationId}\\?signed=1$`));
  await expect(page.getByTestId("status-label")).toHaveText("个人已签名（待企业签名）");
});
