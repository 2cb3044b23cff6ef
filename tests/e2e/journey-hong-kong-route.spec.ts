import { expect, test, type Browser } from "@playwright/test";
import { acceptAndForward, fixture, publishAndConclude, screen, signIn, uniqueName } from "./support/review-helpers";

/**
 * The 香港地区 route of 一级造价工程师 (rules.md §P, `000` §三.1): 香港测量师学会工料测量组 → 中价协 → 住建部. Each level
 * works its own queue; 中价协 forwards and does not decide; 住建部 publishes, and concludes once the 公示期 has ended.
 */
const HK_EMPLOYER = "91810000HK00000042";

async function reviewerPage(browser: Browser, login: string, applicationId: string) {
  const page = await browser.newPage();
  await signIn(page, "staff", login, "/review");
  await page.goto(`/review/applications/${applicationId}`);
  return { page, panel: page.getByRole("region", { name: "审查办理" }) };
}

test("P: the 香港地区 route goes 香港地区 → 中价协 → 住建部, each from its own queue, and the number carries 81", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const app = fixture({
    name: uniqueName(),
    stage: "countersigned",
    programCode: "cost1",
    specialty: "1",
    employerUscc: HK_EMPLOYER,
    provinceCode: "81",
    hongKong: true,
  });

  const hk = await reviewerPage(browser, "hk_reviewer", app.applicationId);
  await expect(hk.page.getByTestId("status-label")).toHaveText("香港地区未受理");
  await acceptAndForward(hk.page, hk.panel);
  // Now 中价协's, not the ministry's.
  expect((await hk.page.goto(`/review/applications/${app.applicationId}`))?.status()).toBe(404);
  await hk.page.close();

  const early = await browser.newPage();
  await signIn(early, "staff", "mohurd_reviewer", "/review");
  expect((await early.goto(`/review/applications/${app.applicationId}`))?.status()).toBe(404);
  await early.close();

  const ceca = await reviewerPage(browser, "ceca_reviewer", app.applicationId);
  await expect(ceca.page.getByTestId("status-label")).toHaveText("中价协未受理");
  await ceca.page.goto(`/review/pending?who=${encodeURIComponent(app.idNumber)}`);
  await expect(ceca.page.getByTestId("queue-table")).toContainText(app.personName);
  await ceca.page.goto(`/review/applications/${app.applicationId}`);
  await ceca.panel.getByRole("button", { name: "受理", exact: true }).click();
  await ceca.page.getByRole("button", { name: "确认受理" }).click();
  await expect(ceca.page.getByTestId("status-label")).toHaveText("中价协初审中");
  // 中价协 checks and forwards; it neither approves nor publishes.
  await expect(ceca.panel.getByRole("button", { name: "准予注册" })).toHaveCount(0);
  await expect(ceca.panel.getByRole("button", { name: "公示", exact: true })).toHaveCount(0);
  await screen(ceca.page, "hk-route-ceca");
  await ceca.panel.getByRole("button", { name: "审查通过，报上级审批" }).click();
  await ceca.page.getByRole("button", { name: "确认审查通过，报上级审批" }).click();
  await ceca.page.waitForURL(/\/review\/pending\?forwarded=/);
  await ceca.page.close();

  const mo = await reviewerPage(browser, "mohurd_reviewer", app.applicationId);
  await expect(mo.page.getByTestId("status-label")).toHaveText("部级未受理");
  await mo.panel.getByRole("button", { name: "受理", exact: true }).click();
  await mo.page.getByRole("button", { name: "确认受理" }).click();
  await expect(mo.page.getByTestId("review-done")).toBeVisible();
  await mo.panel.getByRole("button", { name: "公示", exact: true }).click();
  await mo.page.getByLabel("合格（拟准予注册）").check();
  await mo.page.getByRole("button", { name: "确认公示" }).click();
  await expect(mo.page.getByTestId("status-label")).toContainText("公示中");
  const issued = await publishAndConclude(
    mo.page,
    mo.panel,
    app.applicationId,
    "关于一级造价工程师（香港地区）初始注册审查结果的公示",
  );
  await expect(issued).toContainText(/建\[造\]11\d{2}81\d{8}/);
  const registrationNo = (await issued.textContent())!.match(/建\[造\]\d{14}/)![0];
  // The timeline names all three levels.
  const timeline = mo.page.getByTestId("timeline");
  await expect(timeline).toContainText("香港地区（香港测量师学会工料测量组）");
  await expect(timeline).toContainText("中国建设工程造价管理协会（中价协）");
  await screen(mo.page, "hk-route-concluded");

  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(`/verify/${encodeURIComponent(registrationNo)}`);
  await expect(anonymous.getByTestId("registration-no")).toHaveText(registrationNo);
  await expect(anonymous.getByTestId("certificate-status")).toHaveAttribute("data-status", "valid");
});
