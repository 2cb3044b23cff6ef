import { expect, test, type Browser, type Page } from "@playwright/test";
import {
  createApplicant,
  jpeg,
  shot,
  signInApplicant,
  uploadPortrait,
  type Applicant,
} from "./support/applicant-steps";
import { latestSmsCode, query } from "./support/database";
import { applicationStatus, menu, SH_EMPLOYER, signIn } from "./support/review-helpers";

/**
 * 注销注册 journeys in 上海 (二级造价工程师): the ordinary one completes on the employer's signature (K3); a forced one
 * (K2) — filed by the applicant with the court document, or by the employer from 强制注销申报 — skips the employer's
 * confirmation and is decided by 上海市住建委. Each ends on /verify showing the certificate cancelled.
 */

/** A registration in force with 上海建科造价咨询有限公司, issued by 上海 (the person must have one to cancel it). */
async function giveRegistration(me: Applicant): Promise<string> {
  const [ref] = await query<{ employer_id: string; employer_name: string; authority_id: string }>(
    `select e.id as employer_id, e.name as employer_name, a.id as authority_id from employers e, authorities a ` +
      `where e.uscc = $1 and a.code = 'sh'`,
    [SH_EMPLOYER],
  );
  const serial = String((Date.now() + Math.floor(Math.random() * 1000)) % 1_000_000).padStart(6, "0");
  const registrationNo = `建[造]21243101${serial}`;
  await query(
    `insert into registrations (person_id, program_code, specialty_code, registration_no, seal_no, employer_id, ` +
      `employer_name, employer_province_code, issuing_authority_id, valid_from, valid_to, status)
     values ($1, 'cost2-sh', '1', $2, $3, $4, $5, '31', $6, current_date - 400, current_date + 1000, 'active')`,
    [me.personId, registrationNo, `${registrationNo}-01`, ref!.employer_id, ref!.employer_name, ref!.authority_id],
  );
  return registrationNo;
}

/** 新增注册申请 → 注销注册 → 申报须知 → 个人承诺书 → 申报信息. */
async function openCancellationForm(page: Page): Promise<string> {
  await page.goto("/applicant/apply");
  await page.getByTestId("program-cost2-sh").getByRole("button", { name: "注销注册（土木建筑工程）" }).click();
  await page.waitForURL(/\/applicant\/applications\/[0-9a-f-]+\/edit$/);
  const applicationId = page.url().split("/").at(-2)!;
  await page.getByLabel("全选").check();
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("本人做出上述承诺").check();
  const confirm = page.getByRole("button", { name: /^确认/ });
  await expect(confirm).toBeEnabled({ timeout: 75_000 });
  await confirm.click();
  await expect(page.getByRole("heading", { name: "申报信息" })).toBeVisible();
  return applicationId;
}

async function signWithCode(page: Page, me: Applicant, applicationId: string) {
  await page.getByRole("button", { name: "【个人数字签名】" }).click();
  const dialog = page.getByRole("dialog", { name: "个人数字签名" });
  await dialog.getByRole("button", { name: "获取验证码" }).click();
  // The span shows a hint before sending; the code exists once it shows the masked number.
  await expect(dialog.getByTestId("masked-phone")).toHaveText(/\d{3}\*{4}\d{4}/);
  await dialog.getByLabel("短信验证码").fill(await latestSmsCode(me.phone));
  await dialog.getByRole("button", { name: "签名确认" }).click();
  await page.waitForURL(new RegExp(`/applicant/applications/${applicationId}\\?signed=1$`));
}

/** 上海市住建委 accepts and decides: the button names the decision (准予注销注册). */
async function shanghaiApprovesCancellation(browser: Browser, idNumber: string, screens: string) {
  const page = await browser.newPage();
  await signIn(page, "staff", "sh_reviewer", "/review");
  await page.goto(`/review/pending?who=${idNumber}`);
  await page.getByTestId("queue-table").getByRole("link", { name: "办理" }).click();
  const panel = page.getByRole("region", { name: "审查办理" });
  await panel.getByRole("button", { name: "受理", exact: true }).click();
  await page.getByRole("button", { name: "确认受理" }).click();
  await expect(page.getByTestId("review-done")).toBeVisible();
  await expect(panel.getByRole("button", { name: "准予注册", exact: true })).toHaveCount(0);
  await panel.getByRole("button", { name: "准予注销注册" }).click();
  await page.getByRole("button", { name: "确认准予注销注册" }).click();
  await expect(page.getByTestId("status-label")).toHaveText("已办结（准予注销）");
  await shot(page, `${screens}-reviewer-decided`);
  await page.close();
}

async function expectCancelledOnVerify(browser: Browser, registrationNo: string, screens: string) {
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(`/verify/${encodeURIComponent(registrationNo)}`);
  await expect(anonymous.getByTestId("registration-no")).toHaveText(registrationNo);
  await expect(anonymous.getByTestId("certificate-status")).toHaveAttribute("data-status", "cancelled");
  await shot(anonymous, `${screens}-verify`);
}

test("K3: 注销注册 in 上海 completes on the employer's signature, and /verify shows the certificate cancelled", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const me = await createApplicant("注销甲", "cost2-sh", "1");
  const registrationNo = await giveRegistration(me);
  const page = await browser.newPage();
  await signInApplicant(page, me.idNumber);
  await uploadPortrait(page);
  const applicationId = await openCancellationForm(page);
  await page.locator('[data-field="reason"] select').selectOption("本人申请注销");
  await page.locator('[data-field="applicantStatement"] textarea').fill("本人申请注销该专业注册");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByText("保存成功，数据已通过校验")).toBeVisible();
  await signWithCode(page, me, applicationId);
  await expect(page.getByTestId("status-label")).toHaveText(/待企业签名|待单位确认/);

  const employer = await browser.newPage();
  await signIn(employer, "employer", SH_EMPLOYER, "/employer");
  await employer.goto(`/employer/applications/${applicationId}`);
  await employer.getByLabel(/已按照相关法律法规/).check();
  await employer.getByRole("button", { name: "签名确认" }).click();
  await expect(employer.getByTestId("countersign-done")).toContainText("办理结果：已办结（准予注销）");
  await shot(employer, "cancel-sh-employer-signed");
  expect(await applicationStatus(applicationId)).toBe("approved");

  await page.goto(`/applicant/applications/${applicationId}`);
  await expect(page.getByTestId("status-label")).toHaveText("已办结（准予注销）");
  await expectCancelledOnVerify(browser, registrationNo, "cancel-sh");
});

const title1 =
  "K2: 强制注销 by the applicant — stored on the application, no employer step, the employer only sees it, 上海 " +
  "decides; /verify shows it cancelled";
test(title1, async ({ browser }) => {
  test.setTimeout(300_000);
  const me = await createApplicant("强注乙", "cost2-sh", "1");
  const registrationNo = await giveRegistration(me);
  const page = await browser.newPage();
  await signInApplicant(page, me.idNumber);
  await uploadPortrait(page);
  const applicationId = await openCancellationForm(page);
  await page.locator('[data-field="reason"] select').selectOption("已与聘用单位解除劳动关系");
  await page.locator('[data-field="applicantStatement"] textarea').fill("单位拒不办理注销，依仲裁裁决申请强制注销");
  await page.locator('[data-field="forced"] input[type=checkbox]').check();
  // 是 asks for the arbitration award or court judgment.
  await expect(page.locator('[data-attachment="arbitration_or_judgment"]')).toBeVisible();
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.locator('[data-attachment="arbitration_or_judgment"] .error')).toHaveText(
    "请上传「劳动仲裁裁决书或法院判决书扫描件」",
  );
  await page
    .locator("#upload-arbitration_or_judgment")
    .setInputFiles({ name: "仲裁裁决书.jpg", mimeType: "image/jpeg", buffer: await jpeg(1200, 1600, "#f7f4ea") });
  await expect(
    page.locator('[data-attachment="arbitration_or_judgment"]').getByRole("link", { name: /仲裁裁决书\.jpg/ }),
  ).toBeVisible();
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByText("保存成功，数据已通过校验")).toBeVisible();
  await shot(page, "forced-applicant-form");
  await signWithCode(page, me, applicationId);
  // Straight to the authority: 上海 would otherwise complete a cancellation on the employer's signature.
  await expect(page.getByTestId("status-label")).toHaveText("省级未受理");
  const [row] = await query<{ forced_cancellation: boolean; status: string }>(
    "select forced_cancellation, status from applications where id = $1",
    [applicationId],
  );
  expect(row).toEqual({ forced_cancellation: true, status: "pending_acceptance" });

  const employer = await browser.newPage();
  await signIn(employer, "employer", SH_EMPLOYER, "/employer");
  await employer.goto(`/employer/pending?idNumber=${me.idNumber}`);
  await expect(employer.getByTestId("pending-table").locator("tbody tr")).toHaveCount(0);
  await menu(employer).getByRole("link", { name: "强制注销申报" }).click();
  const listed = employer.getByTestId("forced-table").locator("tr", { hasText: me.name });
  await expect(listed).toContainText("申请人");
  await listed.getByRole("link", { name: "查看" }).click();
  await expect(employer.getByTestId("forced-note")).toContainText("由申请人本人申报");
  await expect(employer.getByRole("button", { name: "签名确认" })).toHaveCount(0);
  await expect(employer.getByRole("button", { name: "退回个人" })).toHaveCount(0);
  await shot(employer, "forced-applicant-employer-view");

  await shanghaiApprovesCancellation(browser, me.idNumber, "forced-applicant");
  await page.goto(`/applicant/applications/${applicationId}`);
  await expect(page.getByTestId("status-label")).toHaveText("已办结（准予注销）");
  await expectCancelledOnVerify(browser, registrationNo, "forced-applicant");
});

const title2 =
  "K2: 强制注销 by the employer from 强制注销申报 — the judgment is required, the applicant cannot withdraw it; /verify " +
  "shows it cancelled";
test(title2, async ({ browser }) => {
  test.setTimeout(300_000);
  const me = await createApplicant("强注丙", "cost2-sh", "1");
  const registrationNo = await giveRegistration(me);
  const employer = await browser.newPage();
  await signIn(employer, "employer", SH_EMPLOYER, "/employer");
  await menu(employer).getByRole("link", { name: "强制注销申报" }).click();
  await expect(employer.getByRole("heading", { name: "强制注销申报" })).toBeVisible();
  const form = employer.getByRole("form", { name: "强制注销申报" });
  const option = form.locator("#registrationId option", { hasText: me.idNumber });
  await form.locator("#registrationId").selectOption({ value: (await option.getAttribute("value"))! });
  await form.locator("#reason").selectOption("已与聘用单位解除劳动关系");
  await form.getByLabel(/确认已与该人员依法解除劳动关系/).check();
  // Without the judgment nothing is filed.
  await form.getByRole("button", { name: "单位数字签名并申报" }).click();
  await expect(form.getByTestId("form-error")).toBeVisible();
  await expect(form.locator(".field-error")).toContainText("请上传劳动仲裁裁决书或法院判决书扫描件");
  expect(await query("select id from applications where person_id = $1", [me.personId])).toHaveLength(0);
  await form
    .locator("#judgment")
    .setInputFiles({ name: "判决书.jpg", mimeType: "image/jpeg", buffer: await jpeg(1200, 1600, "#f3efe4") });
  await form.getByLabel(/确认已与该人员依法解除劳动关系/).check();
  await form.locator("#reason").selectOption("已与聘用单位解除劳动关系");
  await form.locator("#registrationId").selectOption({ value: (await option.getAttribute("value"))! });
  await form.getByLabel("单位意见（选填）").fill("经劳动仲裁裁决解除劳动关系，本人拒不办理注销");
  await shot(employer, "forced-employer-form");
  await form.getByRole("button", { name: "单位数字签名并申报" }).click();
  // Rendering and signing the form with the employer's certificate takes a few seconds (longer on first use).
  await expect(employer.getByTestId("forced-done")).toContainText("强制注销已申报", { timeout: 60_000 });
  await expect(employer.getByTestId("status-label")).toHaveText("省级未受理");
  await expect(employer.getByTestId("forced-note")).toContainText("由本单位申报");
  await shot(employer, "forced-employer-filed");

  // The applicant is told and sees it, but has nothing to sign and cannot withdraw it.
  const page = await browser.newPage();
  await signInApplicant(page, me.idNumber);
  const [app] = await query<{ id: string }>("select id from applications where person_id = $1", [me.personId]);
  await page.goto(`/applicant/applications/${app!.id}`);
  await expect(page.getByTestId("status-label")).toHaveText("省级未受理");
  await expect(page.getByRole("button", { name: "撤回" })).toHaveCount(0);
  await shot(page, "forced-employer-applicant-view");

  await shanghaiApprovesCancellation(browser, me.idNumber, "forced-employer");
  await expectCancelledOnVerify(browser, registrationNo, "forced-employer");
});
