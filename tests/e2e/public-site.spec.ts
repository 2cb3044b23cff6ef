import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { fixture, menu, screen, signIn, uniqueName } from "./support/review-helpers";

/**
 * Issue 13, the public face: 通知公告 written by an administrator and read without signing in (attachment included,
 * gone once withdrawn); a 公示 batch appearing publicly with masked names (W6); 办事指南 pages generated from program
 * data; 常见问题 and 联系方式; the home page's latest notices and 公示.
 */
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

const title1 =
  "通知公告: an administrator publishes with an attachment, edits and withdraws; the public reads and downloads it " +
  "meanwhile";
test(title1, async ({ page, browser }) => {
  const title = `关于${uniqueName()}事项的通知`;
  await signIn(page, "staff", "admin", "/admin");
  await menu(page).getByRole("link", { name: "通知公告" }).click();
  await page.getByRole("link", { name: "发布通知公告" }).click();
  // Nothing typed is lost when the save is refused (no title).
  await page.getByLabel("正文").fill("请各单位于本月底前完成信息核对。");
  await page.getByRole("button", { name: "发布" }).click();
  await expect(page.getByTestId("form-error")).toContainText("公告未发布");
  await expect(page.getByText("请填写公告标题")).toBeVisible();
  await expect(page.getByLabel("正文")).toHaveValue("请各单位于本月底前完成信息核对。");
  await page.getByLabel("标题").fill(title);
  await page.getByLabel("附件").setInputFiles({ name: "核对表.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "发布" }).click();
  await expect(page.getByRole("status")).toContainText("通知公告已发布");
  await screen(page, "admin-notice-edit");

  const visitor = await browser.newPage();
  await visitor.goto("/");
  await expect(visitor.getByRole("region", { name: "通知公告" }).getByRole("link", { name: title })).toBeVisible();
  await screen(visitor, "public-home");
  await visitor.getByRole("region", { name: "通知公告" }).getByRole("link", { name: title }).click();
  await expect(visitor.getByRole("heading", { name: title })).toBeVisible();
  await expect(visitor.getByText("请各单位于本月底前完成信息核对。")).toBeVisible();
  const href = await visitor.getByRole("link", { name: "核对表.pdf" }).getAttribute("href");
  const download = await visitor.request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);
  await screen(visitor, "public-notice");

  await page.getByLabel("正文").fill("核对截止日期延长至下月5日。");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByRole("status")).toContainText("修改已保存");
  await visitor.reload();
  await expect(visitor.getByText("核对截止日期延长至下月5日。")).toBeVisible();

  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "撤回通知公告" }).click();
  await expect(page.getByRole("status")).toContainText("通知公告已撤回");
  expect((await visitor.reload())?.status()).toBe(404);
  expect((await visitor.request.get(href!)).status()).toBe(404);
  await visitor.goto("/notices");
  await expect(visitor.getByRole("link", { name: title })).toHaveCount(0);
});

test("W6: a 公示 batch appears on the public site with names and ID numbers masked, found by its 受理编号", async ({
  page,
}) => {
  test.setTimeout(240_000); // two fixture processes drive the real services first
  const name = uniqueName();
  const app = fixture({ name, stage: "accepted", programCode: "cost1", specialty: "1", reviewer: "sh_reviewer" });
  const title = `关于${name.slice(0, 1)}等人一级造价工程师初始注册审查结果的公示`;
  const out = execFileSync(
    "npx",
    ["tsx", "tests/e2e/support/publicity-fixture.ts", JSON.stringify({ applicationId: app.applicationId, title })],
    { encoding: "utf8" },
  );
  expect(out).toContain("noticeId");

  await page.goto("/publicity");
  await page.getByLabel("标题或受理编号").fill(app.acceptanceNo);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByText("2099-12-31")).toBeVisible();
  const row = page.locator("tbody tr").filter({ hasText: app.acceptanceNo });
  await expect(row).toContainText(`${name[0]}*${name[2]}`);
  await expect(row).toContainText("合格");
  await expect(page.locator("main")).not.toContainText(name);
  await expect(page.locator("main")).not.toContainText(app.idNumber);
  await expect(row).toContainText(`${app.idNumber.slice(0, 4)}**********${app.idNumber.slice(-4)}`);
  await screen(page, "public-publicity");
  await page.goto("/");
  await expect(page.getByRole("region", { name: "公示公告" }).getByRole("link", { name: title })).toBeVisible();
});

test("办事指南, 常见问题 and 联系方式 without signing in", async ({ page }) => {
  await page.goto("/guide");
  await page.getByRole("region", { name: "二级造价工程师（浙江省）" }).getByRole("link", { name: "初始注册" }).click();
  await expect(page.getByRole("heading", { name: "二级造价工程师（浙江省）初始注册办事指南" })).toBeVisible();
  // From the program data: 浙江's 50 KB JPG images, automatic issue after the seal, out-of-province refusal.
  await expect(page.getByText("个人照片：JPG格式，不超过50KB")).toBeVisible();
  await expect(page.getByText(/系统校验符合条件后自动办结/)).toBeVisible();
  await expect(page.getByText(/外省取得的资格不予注册/)).toBeVisible();
  await screen(page, "public-guide");
  expect((await page.goto("/guide/cost2-sh/change"))?.status()).toBe(404); // 上海 has no 变更注册

  await page.goto("/faq");
  await page.getByText("为什么看不到“个人数字签名”按钮？").click();
  await expect(page.getByText(/校验全部通过后才显示/)).toBeVisible();
  await page.goto("/contacts");
  await expect(page.getByRole("region", { name: "上海市住房和城乡建设管理委员会" })).toContainText("021-962600");
  await screen(page, "public-contacts");
});
