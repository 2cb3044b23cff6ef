import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { query } from "./support/database";
import { fixture, menu, screen, signIn, uniqueName } from "./support/review-helpers";

/** Issue 13, reviewers' tools: 统计 of the reviewer's own authority with charts, and 导出 Excel of a filtered queue. */
const title1 =
  "统计 shows this authority's counts, charts and time-limit figures; 导出 Excel downloads the filtered 待受理 " +
  "list";
test(title1, async ({ page }) => {
  const name = uniqueName();
  const app = fixture({ name, stage: "countersigned" });
  await signIn(page, "staff", "sh_reviewer", "/review");
  await menu(page).getByRole("link", { name: "统计" }).click();
  await expect(page.getByRole("heading", { name: "统计", level: 1 })).toBeVisible();
  const n = (
    await query<{ n: number }>(
      "select count(*)::int as n from applications a join authorities au on au.id = a.authority_id where au.code = " +
        "'sh'",
    )
  )[0]!.n;
  await expect(page.getByTestId("stat-total")).toHaveText(String(n));
  await expect(page.getByRole("img", { name: /^近12个月申报与办结：/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^按申请事项：.*初始注册\d+件/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^按办理状态：.*待受理\d+件/ })).toBeVisible();
  await screen(page, "review-stats");

  await page.goto(`/review/pending?who=${encodeURIComponent(name)}`);
  const link = page.getByRole("link", { name: "导出 Excel" });
  expect(await link.getAttribute("href")).toContain(`who=${encodeURIComponent(name)}`);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^待受理-\d{8}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await download.path())!);
  const rows = wb
    .getWorksheet("待受理")!
    .getSheetValues()
    .slice(1)
    .map((r) => (r as unknown[]).slice(1));
  expect(rows[0]).toEqual([
    "受理编号",
    "姓名",
    "证件号码",
    "注册项目",
    "专业",
    "申请事项",
    "状态",
    "申报时间",
    "办结时间",
  ]);
  expect(rows).toHaveLength(2); // the header and the one application the filter finds
  expect(rows[1]!.slice(0, 3)).toEqual([app.acceptanceNo, name, app.idNumber]);
  expect(rows[1]![6]).toBe("待受理");

  // Another role gets nothing.
  const other = await page.context().browser()!.newPage();
  expect((await other.request.get("/review/export?tab=pending")).status()).toBe(404);
});
