import { expect, test, type Browser, type Page } from "@playwright/test";
import {
  createApplicant,
  fileAndSign,
  PASSWORD,
  shot,
  signInApplicant,
  uploadPortrait,
  type Applicant,
} from "./support/applicant-steps";
import { query } from "./support/database";
import { SH_EMPLOYER, signIn, ZJ_EMPLOYER } from "./support/review-helpers";

/**
 * What was filed stays as filed, in the browser: a 变更注册 picks its new employer in its own form and keeps the old
 * employer and seal on record after approval; an ID-number change moves the sign-in to the new number; a lost seal
 * gets new numbers while the application keeps the voided ones. Screenshots: test-results/screens/filed-*.png.
 */

const chinaToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
const plusYears = (iso: string, n: number) => `${Number(iso.slice(0, 4)) + n}${iso.slice(4)}`;

/** A registration in force for the person (as if approved earlier), with the given employer and issuing office. */
async function giveRegistration(
  me: Applicant,
  programCode: string,
  authorityCode: string,
  uscc: string,
  provinceCode: string,
) {
  const [emp] = await query<{ id: string; name: string }>("select id, name from employers where uscc = $1", [uscc]);
  const [auth] = await query<{ id: string }>("select id from authorities where code = $1", [authorityCode]);
  const serial = String(Date.now() % 1_000_000).padStart(6, "0");
  const registrationNo = `建[造]21${chinaToday().slice(2, 4)}${provinceCode}01${serial}`;
  const today = chinaToday();
  await query(
    `insert into registrations (person_id, program_code, specialty_code, registration_no, seal_no, employer_id, ` +
      `employer_name, employer_province_code, issuing_authority_id, valid_from, valid_to, status)
     values ($1, $2, '1', $3, $4, $5, $6, $7, $8, $9, $10, 'active')`,
    [
      me.personId,
      programCode,
      registrationNo,
      `${registrationNo}-01`,
      emp!.id,
      emp!.name,
      provinceCode,
      auth!.id,
      plusYears(today, -1),
      plusYears(today, 3),
    ],
  );
  await query("update people set employer_id = $1, province_code = $2 where id = $3", [
    emp!.id,
    provinceCode,
    me.personId,
  ]);
  await query("update qualifications set obtained_province_code = $1 where person_id = $2", [
    provinceCode,
    me.personId,
  ]);
  return { registrationNo, sealNo: `${registrationNo}-01`, employerName: emp!.name };
}

async function employerCountersigns(browser: Browser, uscc: string, me: Applicant, screens: string) {
  const page = await browser.newPage();
  await signIn(page, "employer", uscc, "/employer");
  await page.goto(`/employer/pending?idNumber=${me.idNumber}`);
  const rows = page.getByTestId("pending-table").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole("link", { name: "签名确认" }).click();
  await shot(page, `${screens}-employer-view`);
  await page.locator('input[name="opinionTicked"]').check();
  await page.getByRole("button", { name: "签名确认" }).click();
  await expect(page.getByTestId("countersign-done")).toBeVisible();
  await page.close();
}

/** The authority accepts and decides (the decision button names the decision: 准予…). */
async function reviewerApproves(browser: Browser, username: string, me: Applicant, screens: string): Promise<Page> {
  const page = await browser.newPage();
  await signIn(page, "staff", username, "/review");
  await page.goto(`/review/pending?who=${me.idNumber}`);
  await page.getByTestId("queue-table").getByRole("link", { name: "办理" }).click();
  const panel = page.getByRole("region", { name: "审查办理" });
  await panel.getByRole("button", { name: "受理", exact: true }).click();
  await page.getByRole("button", { name: "确认受理" }).click();
  await expect(page.getByTestId("review-done")).toBeVisible();
  await panel.getByRole("button", { name: /^准予/ }).click();
  await page.getByRole("button", { name: /^确认准予/ }).click();
  await expect(page.getByTestId("issued-registration")).toBeVisible();
  await shot(page, `${screens}-reviewer-decided`);
  return page;
}

const title1 =
  "C1 C2 C3: 变更注册 跨省 — the new employer is picked in the form, the scope is derived, and the old employer and " +
  "seal stay on the application";
test(title1, async ({ browser }) => {
  test.setTimeout(300_000);
  const me = await createApplicant("柯珺", "cost2-zj", "1");
  const before = await giveRegistration(me, "cost2-zj", "zj", ZJ_EMPLOYER, "33");
  const applicant = await browser.newPage();
  await signInApplicant(applicant, me.idNumber);
  // G3: the profile no longer changes a registered person's employer.
  await applicant.goto("/applicant/profile/edit");
  await expect(applicant.getByText("更换聘用单位请申请变更注册")).toBeVisible();
  await uploadPortrait(applicant);

  const applicationId = await fileAndSign(
    applicant,
    me,
    "program-cost2-zj",
    "变更注册（土木建筑工程）",
    "filed-change",
    {
      fill: async (page) => {
        await expect(page.locator("#f-previousEmployerName")).toHaveValue(before.employerName);
        await expect(page.locator("#f-previousSealNumber")).toHaveValue(before.sealNo);
        await page.getByRole("combobox", { name: /变更后聘用单位/ }).fill("建科造价");
        await page.getByRole("option", { name: /上海建科造价咨询有限公司/ }).click();
        await expect(page.getByTestId("picked-employer")).toContainText("91310000MA1FL0001R");
        await page.locator("#f-employerPhone").fill("021-63210001");
      },
    },
  );
  // C1: derived from 浙江 → 上海 and shown, not chosen.
  await applicant.goto(`/applicant/applications/${applicationId}`);
  await expect(applicant.getByText("跨省或跨部门变更")).toBeVisible();

  await employerCountersigns(browser, SH_EMPLOYER, me, "filed-change");
  const reviewer = await reviewerApproves(browser, "zj_reviewer", me, "filed-change");
  await expect(reviewer.getByTestId("issued-registration")).toContainText(`作废编号 ${before.sealNo}`);

  // After approval the live registration records the new employer and seal — the application still shows the filed
  // ones.
  await applicant.goto(`/applicant/applications/${applicationId}`);
  await expect(applicant.getByTestId("outcome")).toContainText(`${before.registrationNo}-02`);
  const facts = applicant.locator("dl.facts").filter({ hasText: "原聘用单位名称" });
  await expect(facts).toContainText(before.employerName);
  await expect(facts).toContainText(before.sealNo);
  await expect(facts).toContainText("上海建科造价咨询有限公司");
  // The countersigned form replaces the applicant's version; nothing was voided.
  await expect(applicant.getByTestId("voided-form")).toHaveCount(0);
  await shot(applicant, "filed-change-applicant-after");
  await applicant.goto("/applicant/profile/edit");
  await expect(applicant.getByTestId("current-employer")).toHaveText("上海建科造价咨询有限公司");

  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(`/verify/${encodeURIComponent(before.registrationNo)}`);
  await expect(anonymous.getByTestId("certificate-facts")).toContainText("上海建科造价咨询有限公司");
  await shot(anonymous, "filed-change-verify");
});

const title2 =
  "N3: 重要信息变更 — a new ID number and name; afterwards the person signs in with the new number, the old one fails, " +
  "and the header shows the new name";
test(title2, async ({ browser }) => {
  test.setTimeout(300_000);
  const me = await createApplicant("单昇", "cost2-sh", "1");
  await giveRegistration(me, "cost2-sh", "sh", SH_EMPLOYER, "31");
  const first17 = `31011519900101${String(Date.now() % 1000).padStart(3, "0")}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const newNumber = first17 + "10X98765432"[[...first17].reduce((a, c, i) => a + Number(c) * weights[i]!, 0) % 11];
  const applicant = await browser.newPage();
  await signInApplicant(applicant, me.idNumber);
  await uploadPortrait(applicant);

  await fileAndSign(applicant, me, "program-cost2-sh", "重要信息变更", "filed-idchange", {
    fill: async (page) => {
      await page.locator("#f-newName").fill("单晟");
      await page.locator("#f-newIdType").selectOption({ label: "居民身份证" });
      await page.locator("#f-newIdNumber").fill(newNumber);
      await page.locator("#f-reason").fill("公安机关更正身份证号码");
    },
    status: /受理/, // no employer step: straight to the authority
  });
  await reviewerApproves(browser, "sh_reviewer", me, "filed-idchange");

  await applicant.context().clearCookies();
  await query("delete from rate_limits where key like 'login:%' or key like 'lock:%'");
  await applicant.goto("/login/applicant");
  await applicant.getByLabel("证件号码").fill(me.idNumber);
  await applicant.locator("#password").fill(PASSWORD);
  await applicant.getByRole("button", { name: /登\s*录/ }).click();
  await expect(applicant.getByText("证件号码或密码不正确")).toBeVisible();

  await signInApplicant(applicant, newNumber);
  await expect(applicant.locator("header")).toContainText("单晟");
  await shot(applicant, "filed-idchange-signed-in-new-number");
});

const title3 =
  "S1 S2: 补办 执业印章丢失 — 要求 follows the reason; new numbers are issued and the application keeps the voided " +
  "ones";
test(title3, async ({ browser }) => {
  test.setTimeout(300_000);
  const me = await createApplicant("隋玥", "cost2-sh", "1");
  const before = await giveRegistration(me, "cost2-sh", "sh", SH_EMPLOYER, "31");
  const applicant = await browser.newPage();
  await signInApplicant(applicant, me.idNumber);
  await uploadPortrait(applicant);
  const applicationId = await fileAndSign(
    applicant,
    me,
    "program-cost2-sh",
    "证书补办（更改补办）（土木建筑工程）",
    "filed-reissue",
    {
      fill: async (page) => {
        await page.locator("#f-reason").selectOption({ label: "执业印章丢失" });
        await expect(page.locator("#f-request")).toHaveValue("更改执业印章号");
        await page.locator("#f-reason").selectOption({ label: "注册证书丢失" });
        await expect(page.locator("#f-request")).toHaveValue("补办注册证书");
        await page.locator("#f-reason").selectOption({ label: "执业印章丢失" });
      },
    },
  );
  await employerCountersigns(browser, SH_EMPLOYER, me, "filed-reissue");
  await reviewerApproves(browser, "sh_reviewer", me, "filed-reissue");

  await applicant.goto(`/applicant/applications/${applicationId}`);
  const outcome = applicant.getByTestId("outcome");
  await expect(outcome).toContainText(`作废编号 ${before.registrationNo}、${before.sealNo}`);
  const facts = applicant.locator("dl.facts").filter({ hasText: "原执业印章号" });
  await expect(facts).toContainText(before.sealNo);
  await shot(applicant, "filed-reissue-applicant-after");

  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(`/verify/${encodeURIComponent(before.registrationNo)}`);
  await expect(anonymous.getByTestId("certificate-status")).not.toHaveText("有效");
  await shot(anonymous, "filed-reissue-verify-old");
});
