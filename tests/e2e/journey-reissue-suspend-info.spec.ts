import { expect, test } from "@playwright/test";
import { createApplicant, fileAndSign, shot, signInApplicant, uploadPortrait } from "./support/applicant-steps";
import { query } from "./support/database";
import { SH_EMPLOYER } from "./support/review-helpers";
import { employerCountersigns, giveRegistration, openVerify, reviewerApproves } from "./support/registration-steps";

/**
 * 证书补办 (certificate lost), 暂停执业 then 恢复执业, and 基本信息变更 in the browser, 上海 二级造价工程师.
 * Screenshots: test-results/screens/other-*.png.
 */

test("S1 S2: 证书补办 注册证书丢失 — 补办注册证书 keeps the same registration and seal numbers, which stay valid on /verify", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const me = await createApplicant("补证", "cost2-sh", "1");
  const before = await giveRegistration(me, "cost2-sh", "sh", SH_EMPLOYER, "31");
  const applicant = await browser.newPage();
  await signInApplicant(applicant, me.idNumber);
  await uploadPortrait(applicant);
  const applicationId = await fileAndSign(
    applicant,
    me,
    "program-cost2-sh",
    "证书补办（更改补办）（土木建筑工程）",
    "other-reissue-cert",
    {
      fill: async (page) => {
        await page.locator("#f-reason").selectOption({ label: "注册证书丢失" });
        await expect(page.locator("#f-request")).toHaveValue("补办注册证书");
      },
    },
  );
  await (await employerCountersigns(browser, SH_EMPLOYER, me.idNumber, "other-reissue-cert")).close();
  const reviewer = await reviewerApproves(browser, "sh_reviewer", me.idNumber, "准予补办", "other-reissue-cert");
  await expect(reviewer.getByTestId("issued-registration")).not.toContainText("作废编号");
  await reviewer.close();

  await applicant.goto(`/applicant/applications/${applicationId}`);
  await expect(applicant.getByTestId("status-label")).toHaveText(/^已办结/);
  await expect(applicant.getByTestId("outcome")).not.toContainText("作废编号");
  await shot(applicant, "other-reissue-cert-applicant-after");
  const [reg] = await query<{ registration_no: string; seal_no: string; status: string }>(
    "select registration_no, seal_no, status from registrations where person_id = $1",
    [me.personId],
  );
  expect(reg).toEqual({ registration_no: before.registrationNo, seal_no: before.sealNo, status: "active" });
  const verify = await openVerify(browser, before.registrationNo, "other-reissue-cert");
  await expect(verify.getByTestId("certificate-status")).toHaveAttribute("data-status", "valid");
});

const title1 =
  "U1 G7: 暂停执业 then 恢复执业 — while suspended every other type is disabled with the reason and /verify says so; " +
  "resuming restores it";
test(title1, async ({ browser }) => {
  test.setTimeout(300_000);
  const me = await createApplicant("停复", "cost2-sh", "1");
  const before = await giveRegistration(me, "cost2-sh", "sh", SH_EMPLOYER, "31");
  const applicant = await browser.newPage();
  await signInApplicant(applicant, me.idNumber);
  await uploadPortrait(applicant);
  await applicant.goto("/applicant/apply");
  const program = applicant.getByTestId("program-cost2-sh");
  await expect(program.locator('[data-type="resumption"]')).toHaveAttribute("data-allowed", "no");

  await fileAndSign(applicant, me, "program-cost2-sh", "暂停执业", "other-suspend", {
    fill: async (page) => {
      await page.locator("#f-reason").fill("出国进修一年，期间暂停执业");
    },
  });
  await (await employerCountersigns(browser, SH_EMPLOYER, me.idNumber, "other-suspend")).close();
  await (await reviewerApproves(browser, "sh_reviewer", me.idNumber, "准予暂停执业", "other-suspend")).close();
  let verify = await openVerify(browser, before.registrationNo, "other-suspended");
  await expect(verify.getByTestId("certificate-status")).toHaveAttribute("data-status", "suspended");
  await verify.close();

  // G7: in between only 恢复执业 can be filed; every other option is greyed out with the reason.
  await applicant.goto("/applicant/apply");
  await expect(program.getByText("暂停执业期间不能申报其他业务，请先申请恢复执业")).toBeVisible();
  await expect(program.locator('[data-type="suspension"]')).toContainText("已处于暂停执业状态");
  const options = program.getByTestId("apply-option");
  const count = await options.count();
  expect(count).toBeGreaterThan(2);
  for (let i = 0; i < count; i++) {
    const option = options.nth(i);
    const type = await option.getAttribute("data-type");
    await expect(option, `${type}`).toHaveAttribute("data-allowed", type === "resumption" ? "yes" : "no");
    if (type !== "resumption") await expect(option.getByRole("button").first()).toBeDisabled();
  }
  await shot(applicant, "other-suspended-apply");

  // A new signing code is refused within 60 s of the last one (anti-flooding); a person would simply wait a minute.
  await query(
    "update one_time_codes set created_at = created_at - interval '61 seconds' where account_id in (select id from " +
      "user_accounts where person_id = $1)",
    [me.personId],
  );
  await fileAndSign(applicant, me, "program-cost2-sh", "恢复执业", "other-resume", {
    fill: async (page) => {
      await page.locator("#f-reason").fill("进修结束，回单位工作，申请恢复执业");
    },
  });
  await (await employerCountersigns(browser, SH_EMPLOYER, me.idNumber, "other-resume")).close();
  await (await reviewerApproves(browser, "sh_reviewer", me.idNumber, "准予恢复执业", "other-resume")).close();
  verify = await openVerify(browser, before.registrationNo, "other-resumed");
  await expect(verify.getByTestId("certificate-status")).toHaveAttribute("data-status", "valid");

  await applicant.goto("/applicant/apply");
  await expect(program.getByText("暂停执业期间不能申报其他业务，请先申请恢复执业")).toHaveCount(0);
  await expect(program.locator('[data-type="suspension"]')).toHaveAttribute("data-allowed", "yes");
  await expect(program.locator('[data-type="resumption"]')).toHaveAttribute("data-allowed", "no");
});

const title2 =
  "N1 N2: 基本信息变更 — school and major go to review with no employer step; after approval the profile shows them, " +
  "while only phone and address are edited directly";
test(title2, async ({ browser }) => {
  test.setTimeout(240_000);
  const me = await createApplicant("信更", "cost2-sh", "1");
  await giveRegistration(me, "cost2-sh", "sh", SH_EMPLOYER, "31");
  const applicant = await browser.newPage();
  await signInApplicant(applicant, me.idNumber);
  await uploadPortrait(applicant);
  // N1: the profile offers phone and address; school and major are not edited there.
  await applicant.goto("/applicant/profile/edit");
  const direct = applicant.getByRole("form", { name: "基本信息修改" });
  await expect(direct.getByLabel("手机号码")).toBeEditable();
  await expect(direct.getByLabel("毕业院校")).toHaveCount(0);

  const applicationId = await fileAndSign(applicant, me, "program-cost2-sh", "基本信息变更", "other-info-basic", {
    fill: async (page) => {
      await page.locator("#f-school").fill("浙江大学");
      await page.locator("#f-major").fill("土木工程");
      await page.locator("#f-education").fill("硕士研究生");
      await page.locator("#f-graduationDate").fill("2012-06-30");
    },
    status: /受理/, // N2: no employer step, straight to the authority
  });
  await (await reviewerApproves(browser, "sh_reviewer", me.idNumber, "准予信息变更", "other-info-basic")).close();

  await applicant.goto(`/applicant/applications/${applicationId}`);
  await expect(applicant.getByTestId("status-label")).toHaveText(/^已办结/);
  await applicant.goto("/applicant/profile");
  const profile = applicant.locator("main");
  await expect(profile).toContainText("浙江大学");
  await expect(profile).toContainText("土木工程");
  await expect(profile).toContainText("硕士研究生");
  await expect(profile).not.toContainText("同济大学");
  await shot(applicant, "other-info-basic-profile-after");
});
