import { expect, test, type Browser, type Page } from "@playwright/test";
import {
  createApplicant,
  fileAndSign,
  shot,
  signInApplicant,
  uploadPortrait,
  type Applicant,
} from "./support/applicant-steps";
import { query } from "./support/database";
import { publishAndConclude, SH_EMPLOYER, signIn, ZJ_EMPLOYER } from "./support/review-helpers";

/**
 * 初始注册 end to end in the browser, every role through its own sign-in: the applicant files and signs, the
 * employer countersigns, the authorities review, the certificate is issued and claimed, and anyone can verify it.
 * Screenshots of each step are kept under test-results/screens/journey-*.png.
 */

async function employerCountersigns(browser: Browser, me: Applicant, screens: string) {
  const page = await browser.newPage();
  await signIn(page, "employer", SH_EMPLOYER, "/employer");
  await page.goto(`/employer/pending?idNumber=${me.idNumber}`);
  const rows = page.getByTestId("pending-table").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole("link", { name: "签名确认" }).click();
  await page.getByRole("checkbox", { name: /签订真实有效的劳动聘用合同/ }).check();
  await page.getByRole("button", { name: "签名确认" }).click();
  await expect(page.getByTestId("countersign-done")).toContainText("已完成企业PDF电子签名");
  await shot(page, `${screens}-03-employer-signed`);
  await page.close();
}

async function openInQueue(page: Page, idNumber: string) {
  await page.goto(`/review/pending?who=${idNumber}`);
  await page.getByTestId("queue-table").getByRole("link", { name: "办理" }).click();
  return page.getByRole("region", { name: "审查办理" });
}

async function accept(page: Page, panel: ReturnType<Page["getByRole"]>) {
  await panel.getByRole("button", { name: "受理", exact: true }).click();
  await page.getByRole("button", { name: "确认受理" }).click();
  await expect(page.getByTestId("review-done")).toBeVisible();
}

/** The applicant sees the decision, claims the certificate, and the public verifies it (by QR link and by upload). */
async function claimAndVerify(
  browser: Browser,
  applicant: Page,
  applicationId: string,
  registrationNo: string,
  screens: string,
) {
  await applicant.goto(`/applicant/applications/${applicationId}`);
  await expect(applicant.getByTestId("timeline")).toContainText("准予注册");
  await shot(applicant, `${screens}-06-applicant-progress`);
  await applicant.goto("/applicant/messages");
  await expect(applicant.getByText(/准予注册/).first()).toBeVisible();

  await applicant.goto("/applicant/certificates");
  await applicant.getByRole("button", { name: "领证" }).click();
  const download = applicant.getByRole("link", { name: "下载电子证书" });
  await expect(download).toBeVisible({ timeout: 30_000 });
  await shot(applicant, `${screens}-07-certificate-claimed`);
  const res = await applicant.request.get((await download.getAttribute("href"))!);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  const certificate = await res.body();

  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(`/verify/${encodeURIComponent(registrationNo)}`);
  await expect(anonymous.getByTestId("certificate-status")).toHaveText("有效");
  await expect(anonymous.getByTestId("registration-no")).toHaveText(registrationNo);
  await shot(anonymous, `${screens}-08-public-verify`);
  await anonymous.goto("/verify");
  await anonymous
    .locator("#certificate-file")
    .setInputFiles({ name: "证书.pdf", mimeType: "application/pdf", buffer: certificate });
  await anonymous.getByRole("button", { name: "开始核验" }).click();
  await expect(anonymous.getByTestId("signature-result")).toContainText("签名有效", { timeout: 30_000 });
  await expect(anonymous.getByTestId("register-result")).toContainText("与注册库一致");
  await shot(anonymous, `${screens}-09-public-upload`);
}

test("R1 R3 M2 T1: 二级造价工程师（上海）— applicant → employer → 上海市住建委 → 领证 → public verification", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const me = await createApplicant("贺堃", "cost2-sh", "1");
  const applicant = await browser.newPage();
  await signInApplicant(applicant, me.idNumber);
  await uploadPortrait(applicant);
  const applicationId = await fileAndSign(applicant, me, "program-cost2-sh", "初始注册（土木建筑工程）", "journey-sh");

  await employerCountersigns(browser, me, "journey-sh");

  const reviewer = await browser.newPage();
  await signIn(reviewer, "staff", "sh_reviewer", "/review");
  const panel = await openInQueue(reviewer, me.idNumber);
  await shot(reviewer, "journey-sh-04-review-page");
  await accept(reviewer, panel);
  await panel.getByRole("button", { name: "准予注册" }).click();
  await reviewer.getByRole("button", { name: "确认准予注册" }).click();
  const issued = reviewer.getByTestId("issued-registration");
  await expect(issued).toContainText(/建\[造\]21\d{12}/);
  const registrationNo = (await issued.textContent())!.match(/建\[造\]\d{14}/)![0];
  await shot(reviewer, "journey-sh-05-approved");

  await claimAndVerify(browser, applicant, applicationId, registrationNo, "journey-sh");
});

test("R1 W6: 一级造价工程师 — two review levels: 上海初审 forwards, 住建部 publishes and concludes, then 领证", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const me = await createApplicant("祁喆", "cost1", "1");
  const applicant = await browser.newPage();
  await signInApplicant(applicant, me.idNumber);
  await uploadPortrait(applicant);
  const applicationId = await fileAndSign(applicant, me, "program-cost1", "初始注册（土木建筑工程）", "journey-cost1");

  await employerCountersigns(browser, me, "journey-cost1");

  const provincial = await browser.newPage();
  await signIn(provincial, "staff", "sh_reviewer", "/review");
  const shPanel = await openInQueue(provincial, me.idNumber);
  await accept(provincial, shPanel);
  await shPanel.getByRole("button", { name: "审查通过，报上级审批" }).click();
  await provincial.getByRole("button", { name: "确认审查通过，报上级审批" }).click();
  await provincial.waitForURL(/\/review\/pending\?forwarded=/);
  await shot(provincial, "journey-cost1-04-forwarded");

  const ministry = await browser.newPage();
  await signIn(ministry, "staff", "mohurd_reviewer", "/review");
  const panel = await openInQueue(ministry, me.idNumber);
  await accept(ministry, panel);
  await panel.getByRole("button", { name: "公示", exact: true }).click();
  await ministry.getByLabel("合格（拟准予注册）").check();
  await ministry.getByRole("button", { name: "确认公示" }).click();
  await expect(ministry.getByTestId("status-label")).toContainText("公示中");
  // W6: 办结 needs a published notice listing it, and its 公示期 to have ended.
  await expect(ministry.getByTestId("notice-listing")).toContainText("尚未列入公示公告");
  await panel.getByRole("button", { name: "公示期满办结" }).click();
  await ministry.getByRole("button", { name: "确认公示期满办结" }).click();
  await expect(ministry.getByTestId("form-error")).toContainText("尚未列入已发布的公示");
  const issued = await publishAndConclude(ministry, panel, applicationId, "关于一级造价工程师初始注册审查结果的公示");
  await expect(issued).toContainText(/建\[造\]11\d{12}/);
  const registrationNo = (await issued.textContent())!.match(/建\[造\]\d{14}/)![0];
  await shot(ministry, "journey-cost1-05-approved");

  // The applicant's timeline shows both levels.
  await applicant.goto(`/applicant/applications/${applicationId}`);
  await expect(applicant.getByTestId("timeline")).toContainText("初审通过，已报上级审批");
  await claimAndVerify(browser, applicant, applicationId, registrationNo, "journey-cost1");
});

const title1 =
  "deny by default: another applicant gets 404 for an application, its PDF and files; another employer for its " +
  "queue item";
test(title1, async ({ browser }) => {
  test.setTimeout(180_000);
  const owner = await createApplicant("邹昇", "cost2-sh", "1");
  const page = await browser.newPage();
  await signInApplicant(page, owner.idNumber);
  await uploadPortrait(page);
  const applicationId = await fileAndSign(page, owner, "program-cost2-sh", "初始注册（土木建筑工程）", "journey-deny");
  const files = await query<{ id: string }>(`select id from files where owner_person_id = $1`, [owner.personId]);
  expect(files.length).toBeGreaterThanOrEqual(3); // photo, signature, scans, the signed form
  await page.close();

  const stranger = await createApplicant("邱玥", "cost2-sh", "1");
  const other = await browser.newPage();
  await signInApplicant(other, stranger.idNumber);
  expect((await other.goto(`/applicant/applications/${applicationId}`))?.status()).toBe(404);
  expect((await other.request.get(`/applicant/applications/${applicationId}/preview`)).status()).toBe(404);
  for (const f of files) expect((await other.request.get(`/files/${f.id}`)).status(), `file ${f.id}`).toBe(404);

  const zj = await browser.newPage();
  await signIn(zj, "employer", ZJ_EMPLOYER, "/employer");
  await zj.goto(`/employer/pending?idNumber=${owner.idNumber}`);
  await expect(zj.getByText("没有待企业确认的申请")).toBeVisible();
  expect((await zj.goto(`/employer/applications/${applicationId}`))?.status()).toBe(404);
  for (const f of files) expect((await zj.request.get(`/files/${f.id}`)).status(), `file ${f.id}`).toBe(404);
});
