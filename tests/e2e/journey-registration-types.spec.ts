import { expect, test, type Page } from "@playwright/test";
import {
  createApplicant,
  fileAndSign,
  shot,
  signInApplicant,
  uploadPortrait,
  type Applicant,
} from "./support/applicant-steps";
import { query } from "./support/database";
import { ZJ_EMPLOYER } from "./support/review-helpers";
import {
  employerCountersigns,
  giveRegistration,
  openVerify,
  plusYears,
  reviewerApproves,
} from "./support/registration-steps";

/**
 * 延续注册, 变更注册 本省 and 增项注册 in the browser, 浙江 二级造价工程师: each filed by the applicant, signed by the
 * employer, decided (or, for 增项, issued on the employer's seal) and then visible on the application and on /verify.
 * Screenshots: test-results/screens/types-*.png.
 */

/** Fills a record table row by row through 添加一行, in the column order of the table. */
async function addRows(page: Page, table: string, rows: string[][]) {
  const grid = page.getByRole("table", { name: table, exact: true });
  for (const [i, cells] of rows.entries()) {
    await grid.locator("xpath=ancestor::div[1]/following-sibling::div[1]/button").click();
    const inputs = grid.locator("tbody tr").nth(i).locator("input");
    for (const [j, v] of cells.entries()) if (v) await inputs.nth(j).fill(v);
  }
}

const extensionOption = (page: Page) =>
  page.getByTestId("program-cost2-zj").getByTestId("apply-option").filter({ hasText: "延续注册（土木建筑工程）" });

const title1 =
  "X1 X3 X4: 延续注册 — 郑犇 extends inside the window; the new validity runs four years past the old expiry, on the " +
  "application and on /verify";
test(title1, async ({ browser }) => {
  test.setTimeout(240_000);
  const [row] = await query<{ id: string; valid_to: string; registration_no: string }>(
    `select p.id, to_char(r.valid_to, 'YYYY-MM-DD') as valid_to, r.registration_no from people p join ` +
      `registrations ` +
      `r on r.person_id = p.id where p.id_number = '330102196711080011'`,
  );
  const me: Applicant = { personId: row!.id, idNumber: "330102196711080011", phone: "13800000008", name: "郑犇" };
  const applicant = await browser.newPage();
  await signInApplicant(applicant, me.idNumber);
  await applicant.goto("/applicant/apply");
  // X1: inside 浙江's 30-day window the option is open.
  await expect(extensionOption(applicant)).toHaveAttribute("data-allowed", "yes");

  const applicationId = await fileAndSign(
    applicant,
    me,
    "program-cost2-zj",
    "延续注册（土木建筑工程）",
    "types-extension",
    {
      fill: async (page) => {
        await expect(page.locator("#f-registrationNumber")).toHaveValue(row!.registration_no);
        await expect(page.locator("#f-validUntil")).toHaveValue(row!.valid_to);
        // The CE hours of the period are filled in from the records (X3); experience and achievements are typed here.
        await expect(page.getByRole("table", { name: /继续教育/ }).locator("tbody tr")).not.toHaveCount(0);
        await addRows(page, "从事工作经历", [["2005-01-01", "", "浙江华诚工程管理有限公司", "造价部经理"]]);
        const year = Number(row!.valid_to.slice(0, 4));
        await addRows(page, "主要工作业绩（近三年，每年不少于一项）", [
          [String(year - 2), "杭州西站枢纽南广场综合体", "造价负责人"],
          [String(year - 1), "亚运村配套道路及管廊工程", "结算审核"],
          [String(year), "之江实验室二期", "全过程造价咨询负责人"],
        ]);
      },
    },
  );
  await (await employerCountersigns(browser, ZJ_EMPLOYER, me.idNumber, "types-extension")).close();
  await (await reviewerApproves(browser, "zj_reviewer", me.idNumber, "准予延续注册", "types-extension")).close();

  const extendedTo = plusYears(row!.valid_to, 4);
  await applicant.goto(`/applicant/applications/${applicationId}`);
  await expect(applicant.getByTestId("status-label")).toHaveText(/^已办结/);
  await expect(applicant.getByTestId("outcome")).toContainText(`有效期至 ${extendedTo}`);
  await shot(applicant, "types-extension-applicant-after");
  // A second extension is no longer open: the new expiry is years away.
  await applicant.goto("/applicant/apply");
  await expect(extensionOption(applicant)).toHaveAttribute("data-allowed", "no");

  const verify = await openVerify(browser, row!.registration_no, "types-extension");
  await expect(verify.getByTestId("certificate-facts")).toContainText(`至 ${extendedTo}`);
  await expect(verify.getByTestId("certificate-status")).toHaveAttribute("data-status", "valid");
});

const title2 =
  "C1 C2 C3: 变更注册 本省 — between two 浙江 employers the change is 本省, the old employer and seal are filled in, and " +
  "/verify shows the new employer";
test(title2, async ({ browser }) => {
  test.setTimeout(240_000);
  // The person's current employer: a second 浙江 cost consultancy (the demo has one; its name is unique per run).
  const serial = String(Date.now() % 1_000_000).padStart(6, "0");
  const oldEmployer = `杭州钱塘造价事务所${serial}有限公司`;
  await query(
    `insert into employers (name, uscc, kind, qualification_cert_no, province_code, contact_phone, address) values ` +
      `($1, $2, 'cost_consulting', $3, '33', '0571-86660000', '杭州市钱塘区学林街1号')`,
    [oldEmployer, `91330100MA2E${serial}`, `乙33${serial}`],
  );
  const me = await createApplicant("钱塘", "cost2-zj", "1");
  const before = await giveRegistration(me, "cost2-zj", "zj", `91330100MA2E${serial}`, "33");
  const applicant = await browser.newPage();
  await signInApplicant(applicant, me.idNumber);
  await uploadPortrait(applicant);

  const applicationId = await fileAndSign(
    applicant,
    me,
    "program-cost2-zj",
    "变更注册（土木建筑工程）",
    "types-change-local",
    {
      fill: async (page) => {
        await expect(page.locator("#f-previousEmployerName")).toHaveValue(oldEmployer);
        await expect(page.locator("#f-previousSealNumber")).toHaveValue(before.sealNo);
        await page.getByRole("combobox", { name: /变更后聘用单位/ }).fill("华诚");
        await page.getByRole("option", { name: /浙江华诚工程管理有限公司/ }).click();
        await expect(page.getByTestId("picked-employer")).toContainText(ZJ_EMPLOYER);
        await page.locator("#f-employerPhone").fill("0571-87650002");
      },
    },
  );
  await applicant.goto(`/applicant/applications/${applicationId}`);
  await expect(applicant.getByText("本省或本部门内变更")).toBeVisible();
  await expect(applicant.getByText("跨省或跨部门变更")).toHaveCount(0);

  await (await employerCountersigns(browser, ZJ_EMPLOYER, me.idNumber, "types-change-local")).close();
  const reviewer = await reviewerApproves(browser, "zj_reviewer", me.idNumber, "准予变更注册", "types-change-local");
  await expect(reviewer.getByTestId("issued-registration")).toContainText(`作废编号 ${before.sealNo}`);
  await reviewer.close();

  await applicant.goto(`/applicant/applications/${applicationId}`);
  await expect(applicant.getByTestId("outcome")).toContainText(`${before.registrationNo}-02`);
  await shot(applicant, "types-change-local-applicant-after");
  const verify = await openVerify(browser, before.registrationNo, "types-change-local");
  await expect(verify.getByTestId("certificate-facts")).toContainText("浙江华诚工程管理有限公司");
  // C3: validity is unchanged by a change of employer.
  await expect(verify.getByTestId("certificate-facts")).toContainText(`至 ${before.validTo}`);
});

const title3 =
  "A1 A2: 增项注册 — the form shows the existing registration number and a locked employer; the employer sees 注册号 " +
  "and 已注册专业; the new specialty is issued";
test(title3, async ({ browser }) => {
  test.setTimeout(240_000);
  const me = await createApplicant("增项", "cost2-zj", "1");
  await query(
    `insert into qualifications (person_id, program_code, specialty_code, management_no, approval_date, ` +
      `obtained_province_code) values ($1, 'cost2-zj', '4', $2, '2025-09-30', '33')`,
    [me.personId, `J4${Date.now() % 1_000_000}`],
  );
  const before = await giveRegistration(me, "cost2-zj", "zj", ZJ_EMPLOYER, "33");
  const applicant = await browser.newPage();
  await signInApplicant(applicant, me.idNumber);
  await uploadPortrait(applicant);
  await applicant.goto("/applicant/apply");
  // A1: the registered specialty itself is not offered again as 增项.
  const sameSpecialty = applicant
    .getByTestId("program-cost2-zj")
    .getByTestId("apply-option")
    .filter({ hasText: "增项注册（土木建筑工程）" });
  await expect(sameSpecialty).toHaveAttribute("data-allowed", "no");
  await expect(sameSpecialty.getByRole("button")).toBeDisabled();

  const applicationId = await fileAndSign(applicant, me, "program-cost2-zj", "增项注册（安装工程）", "types-add", {
    fill: async (page) => {
      const registrationNo = page.locator("#f-registrationNumber");
      await expect(registrationNo).toHaveValue(before.registrationNo);
      await expect(registrationNo).toHaveAttribute("readonly", "");
      const employer = page.locator("#f-employerName");
      await expect(employer).toHaveValue(before.employerName);
      await expect(employer).toHaveAttribute("readonly", "");
      await expect(page.locator("#f-registeredSpecialties")).toHaveValue(/土木建筑工程/);
    },
  });

  // A2: what the employer confirms shows the current registration number and registered specialties. 浙江 issues
  // 增项 once the employer has sealed.
  const employer = await employerCountersigns(browser, ZJ_EMPLOYER, me.idNumber, "types-add", async (page) => {
    await expect(page.getByText(before.registrationNo).first()).toBeVisible();
    const registered = page
      .locator("dl.facts > div")
      .filter({ has: page.locator("dt", { hasText: "已注册专业" }) })
      .first();
    await expect(registered).toContainText("土木建筑工程");
  });
  await expect(employer.getByTestId("countersign-done")).toContainText("已办结");
  await employer.close();

  await applicant.goto(`/applicant/applications/${applicationId}`);
  await expect(applicant.getByTestId("status-label")).toHaveText(/^已办结/);
  await shot(applicant, "types-add-applicant-after");
  const [issued] = await query<{ registration_no: string }>(
    "select registration_no from registrations where person_id = $1 and specialty_code = '4' and status = 'active'",
    [me.personId],
  );
  expect(issued).toBeDefined();
  await expect(applicant.getByTestId("outcome")).toContainText(issued!.registration_no);
  const verify = await openVerify(browser, issued!.registration_no, "types-add");
  await expect(verify.getByTestId("certificate-facts")).toContainText("安装工程");
  await expect(verify.getByTestId("certificate-status")).toHaveAttribute("data-status", "valid");
});
