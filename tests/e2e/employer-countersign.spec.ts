import { expect, test } from "@playwright/test";
import {
  applicationStatus,
  BJ_DESIGN_EMPLOYER,
  expectPdf,
  fixture,
  menu,
  screen,
  SH_EMPLOYER,
  signIn,
  uniqueName,
  ZJ_EMPLOYER,
} from "./support/review-helpers";

/**
 * Employer side of issue #4: 待企业确认 (M1) with its filters, 签名确认 (M2) with 聘用企业意见, 退回个人 with a
 * reason, 企业已确认查询 (M3) with the signed PDF and the 行政审批受理通知书 (F3), and deny-by-default across employers.
 */
test("M1 M2 M3 F3: employer filters 待企业确认, signs with 聘用企业意见, then finds it in 企业已确认查询", async ({
  page,
}) => {
  const app = fixture({ name: uniqueName(), stage: "signed" });
  await signIn(page, "employer", SH_EMPLOYER, "/employer");
  await menu(page).getByRole("link", { name: "待企业确认" }).click();
  await expect(page.getByRole("heading", { name: "待企业确认" })).toBeVisible();
  for (const col of ["注册类别", "受理编号", "姓名", "申请时间", "个人签名时间", "当前状态"]) {
    await expect(page.getByRole("columnheader", { name: col, exact: true })).toBeVisible();
  }

  // M1 filters: 姓名, then 证件号 with 注册类别 and the 个人签名时间 range.
  await page.getByLabel("姓名", { exact: true }).fill(app.personName);
  await page.getByRole("button", { name: "查询" }).click();
  const rows = page.getByTestId("pending-table").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(app.acceptanceNo);
  await expect(rows.first()).toContainText("二级造价工程师（上海市）初始注册");
  await expect(rows.first()).toContainText("待企业签名");
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  await page.goto(`/employer/pending?idNumber=${app.idNumber}&type=initial&from=${today}&to=${today}`);
  await expect(rows).toHaveCount(1);
  await page.goto(`/employer/pending?idNumber=${app.idNumber}&type=extension`);
  await expect(page.getByText("没有待企业确认的申请")).toBeVisible();
  await page.goto(`/employer/pending?name=${encodeURIComponent(app.personName)}`);
  await screen(page, "employer-pending");

  await rows.first().getByRole("link", { name: "签名确认" }).click();
  await expect(page.getByRole("heading", { name: "初始注册 申请事项签名确认" })).toBeVisible();
  // Read-only form with its labels, identity and qualification; the applicant-signed PDF is there.
  await expect(page.getByText("资格证书管理号").first()).toBeVisible();
  await expect(page.getByText(app.idNumber).first()).toBeVisible();
  await expect(page.getByText("主要工作业绩（近三年，每年不少于一项）")).toBeVisible();
  const pdfLink = page.getByRole("link", { name: /申请表（个人已签名）/ });
  await expectPdf(page, (await pdfLink.getAttribute("href"))!);
  await expect(page.getByRole("textbox")).toHaveCount(1); // only the employer's own opinion is editable
  await screen(page, "employer-sign");

  // M2: 聘用企业意见 must be ticked (server says so in plain words).
  await page.getByRole("button", { name: "签名确认" }).click();
  await expect(page.getByTestId("form-error")).toContainText("请勾选“聘用企业意见”");
  expect(await applicationStatus(app.applicationId)).toBe("signed");
  await page.getByRole("checkbox", { name: /签订真实有效的劳动聘用合同/ }).check();
  await page.getByLabel("补充意见（选填）").fill("同意申报，情况属实");
  await page.getByRole("button", { name: "签名确认" }).click();
  const done = page.getByTestId("countersign-done");
  await expect(done).toContainText("已完成企业PDF电子签名");
  await expect(done).toContainText(`网上受理编号：${app.acceptanceNo}`);
  await expect(done).toContainText("已上报 上海市住房和城乡建设管理委员会");
  await expect(page.getByTestId("timeline")).toContainText("同意申报，情况属实");
  await screen(page, "employer-signed");
  expect(await applicationStatus(app.applicationId)).toBe("pending_acceptance");

  // It left 待企业确认 …
  await page.goto(`/employer/pending?name=${encodeURIComponent(app.personName)}`);
  await expect(page.getByText("没有待企业确认的申请")).toBeVisible();
  // … and is in 企业已确认查询 with its progress, the countersigned PDF and the acceptance notice (F3).
  await menu(page).getByRole("link", { name: "企业已确认查询" }).click();
  // Both lists have a 证件号 box: wait for the new page, or a slow navigation has the old page's form filled.
  await expect(page.getByRole("heading", { name: "企业已确认查询" })).toBeVisible();
  await page.getByLabel("证件号", { exact: true }).fill(app.idNumber);
  await page.getByRole("button", { name: "查询" }).click();
  // The filter is a GET form: wait for the filtered page, not the list that was there before the click.
  await expect(page).toHaveURL(new RegExp(app.idNumber));
  const ofPerson = page.getByTestId("confirmed-table").locator("tbody tr");
  await expect(ofPerson.first()).toBeVisible();
  // Earlier journeys may have filed for the same person: the ID filter leaves only their rows, this application once.
  for (const text of await ofPerson.allInnerTexts()) expect(text).toContain(app.personName);
  const confirmed = ofPerson.filter({ hasText: app.acceptanceNo });
  await expect(confirmed).toHaveCount(1);
  await expect(confirmed.first()).toContainText("省级未受理");
  await expect(confirmed.first()).toContainText("上海市住房和城乡建设管理委员会");
  await expectPdf(page, (await confirmed.first().getByRole("link", { name: "申请表PDF" }).getAttribute("href"))!);
  await expectPdf(page, (await confirmed.first().getByRole("link", { name: "受理通知书" }).getAttribute("href"))!);
  await screen(page, "employer-confirmed");

  await confirmed.first().getByRole("link", { name: "审核进度" }).click();
  await expect(page.getByTestId("timeline")).toContainText("企业已签名");
  await expect(page.getByRole("link", { name: "打印行政审批受理通知书" })).toBeVisible();
  await expect(page.getByRole("button", { name: "签名确认" })).toHaveCount(0);
  await screen(page, "employer-progress");
});

test("退回个人 needs a reason, then the application goes back to the applicant", async ({ page }) => {
  const app = fixture({ name: uniqueName(), stage: "signed" });
  await signIn(page, "employer", SH_EMPLOYER, "/employer");
  await page.goto(`/employer/applications/${app.applicationId}`);
  await page.getByRole("button", { name: "退回个人" }).click();
  const dialog = page.getByRole("dialog", { name: "退回个人" });
  await dialog.getByRole("button", { name: "确认退回" }).click();
  await expect(dialog.getByTestId("form-error")).toContainText("请填写退回原因");
  await screen(page, "employer-return-dialog");
  expect(await applicationStatus(app.applicationId)).toBe("signed");
  await dialog.getByLabel(/退回原因/).fill("劳动合同扫描件不清晰，请重新上传后再签名上报");
  await dialog.getByRole("button", { name: "确认退回" }).click();
  await page.waitForURL(/\/employer\/pending\?done=returned/);
  await expect(page.getByRole("status")).toContainText(`受理编号 ${app.acceptanceNo}：已退回个人`);
  expect(await applicationStatus(app.applicationId)).toBe("returned");
  await page.goto(`/employer/pending?name=${encodeURIComponent(app.personName)}`);
  await expect(page.getByText("没有待企业确认的申请")).toBeVisible();
});

test("deny by default: another employer neither lists nor opens this employer's application (404)", async ({
  page,
}) => {
  const app = fixture({ name: uniqueName(), stage: "signed" });
  await signIn(page, "employer", ZJ_EMPLOYER, "/employer");
  await page.goto(`/employer/pending?idNumber=${app.idNumber}`);
  await expect(page.getByText("没有待企业确认的申请")).toBeVisible();
  for (const path of [
    `/employer/applications/${app.applicationId}`,
    `/employer/applications/${app.applicationId}/notice`,
    "/employer/applications/not-a-uuid",
  ]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
  // A reviewer page is not the employer's either.
  expect((await page.goto(`/review/applications/${app.applicationId}`))?.status()).toBe(404);
});

test("W2: 撤回待单位同意 is listed in 待企业确认 with 同意撤回 (after confirmation) / 不同意撤回", async ({ page }) => {
  test.setTimeout(180_000); // two fixtures made by the real services take a while on a loaded machine
  const spec = {
    stage: "withdrawal_requested",
    programCode: "architect1",
    specialty: "architecture",
    employerUscc: BJ_DESIGN_EMPLOYER,
    provinceCode: "11",
  } as const;
  const declined = fixture({ name: uniqueName(), ...spec });
  const consented = fixture({ name: uniqueName(), ...spec });
  await signIn(page, "employer", BJ_DESIGN_EMPLOYER, "/employer");
  await page.goto(`/employer/pending?idNumber=${declined.idNumber}`);
  const row = page.getByTestId("pending-table").locator("tbody tr");
  await expect(row).toHaveCount(1);
  await expect(row.first()).toContainText("撤回待单位同意");
  await screen(page, "employer-withdrawal");
  await row.first().getByRole("button", { name: "不同意撤回" }).click();
  await page.waitForURL(/done=declined/);
  await expect(page.getByRole("status")).toContainText("已不同意撤回");
  expect(await applicationStatus(declined.applicationId)).toBe("pending_acceptance");

  await page.goto(`/employer/applications/${consented.applicationId}`);
  await expect(page.getByRole("heading", { name: "撤回申请待单位同意" })).toBeVisible();
  await page.getByRole("button", { name: "同意撤回", exact: true }).click();
  // Consent takes effect only once confirmed; cancelling leaves the request waiting.
  const confirm = page.getByRole("dialog", { name: "确认同意撤回" });
  await expect(confirm).toContainText("此操作不能撤销");
  await confirm.getByRole("button", { name: "取消" }).click();
  await expect(confirm).toHaveCount(0);
  expect(await applicationStatus(consented.applicationId)).toBe("withdrawal_requested");
  await page.getByRole("button", { name: "同意撤回", exact: true }).click();
  await confirm.getByRole("button", { name: "确认同意撤回" }).click();
  await page.waitForURL(/done=consented/);
  expect(await applicationStatus(consented.applicationId)).toBe("withdrawn");
});
