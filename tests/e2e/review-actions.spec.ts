import { expect, test, type Page } from "@playwright/test";
import { query } from "./support/database";
import {
  applicationStatus,
  endNoticePeriod,
  fixture,
  menu,
  screen,
  signIn,
  uniqueName,
} from "./support/review-helpers";

/**
 * Reviewer side of issue #4: queues per authority with counts and filters, the review page with the documents
 * beside the form (G6 flag), 受理 / 要求补正 (W4) / 不予注册 (W5) / 准予注册 with the issued number, 报上级审批 →
 * 公示 → 公示公告 → 公示期满办结 (W6), stale-version conflicts, and 404 for another authority's applications.
 */
const docs = (page: Page) => page.getByRole("complementary", { name: "申请材料" });
const actionForm = (page: Page, name: string) => page.getByRole("form", { name });

test("待受理 → review page with documents → 受理 → 要求补正 (补正内容 and 补正原因 required)", async ({ page }) => {
  const app = fixture({ name: uniqueName(), stage: "countersigned", socialInsuranceAnomaly: true });
  await signIn(page, "staff", "sh_reviewer", "/review");
  await menu(page).getByRole("link", { name: "待受理" }).click();
  await expect(page.getByRole("heading", { name: "待受理" })).toBeVisible();
  expect(Number(await page.getByTestId("count-pending").textContent())).toBeGreaterThanOrEqual(1);
  await page.getByLabel("姓名或证件号").fill(app.personName);
  await page.getByRole("button", { name: "查询" }).click();
  const rows = page.getByTestId("queue-table").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(app.acceptanceNo);
  await expect(rows.first()).toContainText("社保异常");
  await screen(page, "review-pending");

  await rows.first().getByRole("link", { name: "办理" }).click();
  await expect(page.getByTestId("acceptance-no")).toHaveText(app.acceptanceNo);
  await expect(page.getByTestId("si-anomaly")).toContainText("社保异常"); // G6
  // Documents beside the form: the signed form in the viewer, each attachment viewable as an image.
  await expect(docs(page).locator("iframe")).toHaveAttribute("src", /^\/files\//);
  await docs(page)
    .getByRole("button", { name: /执业资格证书扫描件/ })
    .click();
  const img = docs(page).getByRole("img", { name: "执业资格证书扫描件" });
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  await docs(page)
    .getByRole("button", { name: /申请表（个人及企业已签名）/ })
    .click();
  const frame = await page.request.get((await docs(page).locator("iframe").getAttribute("src"))!);
  expect(frame.headers()["content-type"]).toBe("application/pdf");
  expect(frame.headers()["x-frame-options"]).toBe("SAMEORIGIN");
  // Only what the engine allows at this level: 受理, 要求补正, 不予注册.
  const panel = page.getByRole("region", { name: "审查办理" });
  for (const b of ["受理", "要求补正", "不予注册"])
    await expect(panel.getByRole("button", { name: b, exact: true })).toBeVisible();
  await expect(panel.getByRole("button", { name: "准予注册" })).toHaveCount(0);
  await screen(page, "review-application");

  await panel.getByRole("button", { name: "受理", exact: true }).click();
  await actionForm(page, "受理").getByLabel("受理意见（选填）").fill("材料齐全，予以受理");
  await actionForm(page, "受理").getByRole("button", { name: "确认受理" }).click();
  await expect(page.getByTestId("review-done")).toContainText("受理");
  await expect(page.getByTestId("timeline")).toContainText("材料齐全，予以受理");
  expect(await applicationStatus(app.applicationId)).toBe("under_review");

  // W4: both fields required.
  await panel.getByRole("button", { name: "要求补正", exact: true }).click();
  const form = actionForm(page, "要求补正");
  await form.getByRole("button", { name: "确认要求补正" }).click();
  await expect(form.getByTestId("form-error")).toContainText("补正内容和补正原因");
  await expect(form.getByText("请填写补正内容")).toBeVisible();
  await expect(form.getByText("请填写补正原因")).toBeVisible();
  await form.getByLabel("补正内容").fill("补充社保证明");
  await form.getByRole("button", { name: "确认要求补正" }).click();
  await expect(form.getByText("请填写补正原因")).toBeVisible();
  expect(await applicationStatus(app.applicationId)).toBe("under_review");
  await screen(page, "review-correction-errors");
  await expect(form.getByLabel("补正内容")).toHaveValue("补充社保证明"); // what was typed survives the error
  await form.getByLabel("补正原因").fill("请补正您在现聘用单位近6个月的社保缴纳证明");
  await form.getByRole("button", { name: "确认要求补正" }).click();
  await expect(page.getByTestId("correction")).toContainText("补充社保证明");
  await expect(page.getByTestId("status-label")).toContainText("待补正");
  expect(await applicationStatus(app.applicationId)).toBe("correction_requested");
  await expect(panel.getByRole("button")).toHaveCount(0);
  await screen(page, "review-correction");

  await menu(page).getByRole("link", { name: "审查中" }).click();
  await page.goto(`/review/reviewing?status=correction_requested&who=${app.idNumber}`);
  await expect(page.getByTestId("queue-table").locator("tbody tr")).toHaveCount(1);
  await screen(page, "review-reviewing");
});

test("准予注册 shows the issued registration number and validity; 不予注册 needs reasons (W5)", async ({ page }) => {
  const approved = fixture({ name: uniqueName(), stage: "accepted", reviewer: "sh_reviewer2" });
  const rejected = fixture({ name: uniqueName(), stage: "countersigned" });
  await signIn(page, "staff", "sh_reviewer", "/review");

  await page.goto(`/review/applications/${approved.applicationId}`);
  const panel = page.getByRole("region", { name: "审查办理" });
  await panel.getByRole("button", { name: "准予注册" }).click();
  await actionForm(page, "准予注册").getByLabel("审查意见（选填）").fill("符合注册条件");
  await actionForm(page, "准予注册").getByRole("button", { name: "确认准予注册" }).click();
  const issued = page.getByTestId("issued-registration");
  await expect(issued).toContainText(/建\[造\]2\d{13}/);
  await expect(issued).toContainText(/\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/);
  await expect(page.getByTestId("status-label")).toContainText("已办结");
  await screen(page, "review-approved");

  await page.goto(`/review/applications/${rejected.applicationId}`);
  await panel.getByRole("button", { name: "不予注册" }).click();
  const form = actionForm(page, "不予注册");
  await form.getByRole("button", { name: "确认不予注册" }).click();
  await expect(form.getByTestId("form-error")).toContainText("至少一条理由");
  await form.getByLabel("不予注册理由 1").fill("资格证书信息与资格库不一致");
  await form.getByRole("button", { name: "＋ 增加一条" }).click();
  await form.getByLabel("不予注册理由 2").fill("劳动合同期限不满一年");
  await form.getByRole("button", { name: "确认不予注册" }).click();
  await expect(page.getByTestId("status-label")).toContainText("不予注册");
  await expect(page.getByTestId("timeline")).toContainText("劳动合同期限不满一年");
  expect(await applicationStatus(rejected.applicationId)).toBe("rejected");

  await menu(page).getByRole("link", { name: "已办结" }).click();
  for (const f of [approved, rejected]) {
    await page.goto(`/review/done?who=${f.idNumber}`);
    await expect(page.getByTestId("queue-table").locator("tbody tr")).toHaveCount(1);
  }
  await page.goto(`/review/done?status=rejected&who=${encodeURIComponent(rejected.personName)}`);
  await expect(page.getByTestId("queue-table")).toContainText("不予注册");
  await screen(page, "review-done");
});

test("a stale page gets the service's conflict message and a refresh button", async ({ page, context }) => {
  const app = fixture({ name: uniqueName(), stage: "countersigned" });
  await signIn(page, "staff", "sh_reviewer", "/review");
  await page.goto(`/review/applications/${app.applicationId}`);
  const other = await context.newPage();
  await other.goto(`/review/applications/${app.applicationId}`);
  await other.getByRole("region", { name: "审查办理" }).getByRole("button", { name: "受理", exact: true }).click();
  await other.getByRole("button", { name: "确认受理" }).click();
  await expect(other.getByTestId("review-done")).toBeVisible();

  await page.getByRole("region", { name: "审查办理" }).getByRole("button", { name: "不予注册" }).click();
  await actionForm(page, "不予注册").getByLabel("不予注册理由 1").fill("重复申报");
  await actionForm(page, "不予注册").getByRole("button", { name: "确认不予注册" }).click();
  const error = page.getByTestId("form-error");
  await expect(error).toContainText("刚刚已被他人处理");
  await expect(error.getByRole("button", { name: "刷新页面" })).toBeVisible();
  await expect(actionForm(page, "不予注册").getByLabel("不予注册理由 1")).toHaveValue("重复申报");
  await screen(page, "review-conflict");
  expect(await applicationStatus(app.applicationId)).toBe("under_review");
});

test("a 浙江 reviewer neither lists nor opens a 上海 application (404)", async ({ page }) => {
  const app = fixture({ name: uniqueName(), stage: "countersigned" });
  await signIn(page, "staff", "zj_reviewer", "/review");
  await page.goto(`/review/pending?who=${app.idNumber}`);
  await expect(page.getByText("没有符合查询条件的申请")).toBeVisible();
  expect((await page.goto(`/review/applications/${app.applicationId}`))?.status()).toBe(404);
  const [row] = await query<{ form_pdf_file_id: string }>("select form_pdf_file_id from applications where id = $1", [
    app.applicationId,
  ]);
  expect((await page.request.get(`/files/${row!.form_pdf_file_id}`)).status()).toBe(404);
});

test("W6: 一级造价 — 上海 forwards to 住建部, which publishes, lists it in a 公示公告 and concludes", async ({
  browser,
}) => {
  test.setTimeout(180_000); // two levels, a notice and a refused then accepted conclusion
  const app = fixture({ name: uniqueName(), stage: "countersigned", programCode: "cost1", specialty: "1" });
  const sh = await browser.newPage();
  await signIn(sh, "staff", "sh_reviewer", "/review");
  await sh.goto(`/review/applications/${app.applicationId}`);
  const shPanel = sh.getByRole("region", { name: "审查办理" });
  await shPanel.getByRole("button", { name: "受理", exact: true }).click();
  await sh.getByRole("button", { name: "确认受理" }).click();
  await expect(sh.getByTestId("review-done")).toBeVisible();
  await shPanel.getByRole("button", { name: "审查通过，报上级审批" }).click();
  await sh.getByRole("button", { name: "确认审查通过，报上级审批" }).click();
  await sh.waitForURL(/\/review\/pending\?forwarded=/);
  await expect(sh.getByRole("status")).toContainText(`受理编号 ${app.acceptanceNo}：审查通过，已报上级审批机构审批`);
  expect((await sh.goto(`/review/applications/${app.applicationId}`))?.status()).toBe(404); // now the ministry's
  await sh.close();

  const page = await browser.newPage();
  await signIn(page, "staff", "mohurd_reviewer", "/review");
  await page.goto(`/review/pending?who=${app.idNumber}`);
  await page.getByTestId("queue-table").getByRole("link", { name: "办理" }).click();
  const panel = page.getByRole("region", { name: "审查办理" });
  await panel.getByRole("button", { name: "受理", exact: true }).click();
  await page.getByRole("button", { name: "确认受理" }).click();
  await expect(page.getByTestId("review-done")).toBeVisible();
  await expect(panel.getByRole("button", { name: "准予注册" })).toHaveCount(0); // cost1 publishes first
  await panel.getByRole("button", { name: "公示", exact: true }).click();
  const publish = actionForm(page, "公示");
  await publish.getByRole("button", { name: "确认公示" }).click();
  await expect(publish.getByTestId("form-error")).toContainText("请选择公示结果");
  await publish.getByLabel("合格（拟准予注册）").check();
  await publish.getByRole("button", { name: "确认公示" }).click();
  await expect(page.getByTestId("status-label")).toContainText("公示中");

  await menu(page).getByRole("link", { name: "公示公告" }).click();
  await expect(page.getByRole("heading", { name: "公示公告" })).toBeVisible();
  await page.getByLabel("公示标题").fill("关于一级造价工程师初始注册审查结果的公示");
  await page.getByLabel("公示内容").fill("公示期内如有异议，请以书面形式向住房和城乡建设部反映。");
  await screen(page, "review-notices-form");
  await page.getByRole("button", { name: "发布公示" }).click();
  await page.waitForURL(/\/review\/notices\?done=published/);
  await expect(page.getByTestId("notices-table")).toContainText(app.personName);
  await screen(page, "review-notices");

  await page.goto(`/review/applications/${app.applicationId}`);
  await expect(page.getByTestId("notice-listing")).toContainText(
    "已列入公示《关于一级造价工程师初始注册审查结果的公示》",
  );
  // W6: not before the notice's last day has passed — the message names the date.
  await panel.getByRole("button", { name: "公示期满办结" }).click();
  await actionForm(page, "公示期满办结").getByRole("button", { name: "确认公示期满办结" }).click();
  await expect(actionForm(page, "公示期满办结").getByTestId("form-error")).toContainText(
    /公示期至\d{4}-\d{2}-\d{2}，公示期满前不能办结/,
  );
  expect(await applicationStatus(app.applicationId)).toBe("publicized");
  await endNoticePeriod(app.applicationId);
  await page.goto(`/review/applications/${app.applicationId}`);
  await panel.getByRole("button", { name: "公示期满办结" }).click();
  await page.getByRole("button", { name: "确认公示期满办结" }).click();
  await expect(page.getByTestId("issued-registration")).toContainText(/建\[造\]1/);
  expect(await applicationStatus(app.applicationId)).toBe("approved");
});
