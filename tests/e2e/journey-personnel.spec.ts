import { expect, test, type Page } from "@playwright/test";
import { query } from "./support/database";
import { menu, screen, signIn, ZJ_EMPLOYER } from "./support/review-helpers";

/**
 * 人员管理 (M4): the employer records a staff member and 上报s the record; the authority's reviewer returns it with an
 * opinion, which the employer sees and answers; the reviewer approves and the employer sees 审核通过. 郑犇 is a demo
 * person registered with this employer, so his record links to his registration.
 */
const ZHENG = "330102196711080011";

async function fill(page: Page, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    // Required fields carry a "*" after the label.
    const field = page.getByLabel(new RegExp(`^${label.replace(/[()、]/g, "\\$&")}\\*?$`));
    if ((await field.evaluate((el) => el.tagName)) === "SELECT") await field.selectOption({ label: value });
    else await field.fill(value);
  }
}

test("M4: 人员信息 上报 → 审核退回 with an opinion the employer sees → 上报 again → 审核通过", async ({ browser }) => {
  // The test owns this person's record with this employer (earlier runs on the same database left one).
  await query("delete from personnel_records where id_number = $1", [ZHENG]);
  const employer = await (await browser.newContext()).newPage();
  await signIn(employer, "employer", ZJ_EMPLOYER, "/employer");
  await menu(employer).getByRole("link", { name: "人员管理" }).click();
  await expect(employer.getByRole("heading", { name: "人员管理" })).toBeVisible();
  await employer.getByRole("link", { name: "新增人员" }).click();

  // Bad input gets a plain message per field, not an error page.
  await fill(employer, { 姓名: "郑犇", 证件类型: "居民身份证", 证件号码: "330102196711080012" });
  await employer.getByRole("button", { name: "保存" }).click();
  await expect(employer.getByTestId("form-error")).toContainText("请按提示补全人员信息");
  await expect(employer.getByText("请填写11位手机号码")).toBeVisible();

  await fill(employer, {
    性别: "男",
    证件号码: ZHENG,
    出生日期: "1967-11-08",
    手机号码: "13800000008",
    工作岗位: "造价员",
    学历: "大专",
    毕业院校: "浙江建设职业技术学院",
    所学专业: "工程造价",
    "毕(肄、结)业时间": "1988-07-01",
    技术职称: "高级工程师",
    技术职称聘用年份: "2005",
  });
  await employer.getByRole("button", { name: "保存" }).click();
  await expect(employer.getByText("人员信息已保存")).toBeVisible();
  const status = employer.getByTestId("personnel-status");
  await expect(status).toContainText("未上报");
  // His registration is linked from the record, to the certificate's verification page.
  const reg = employer.getByTestId("personnel-registrations").getByRole("link", { name: "建[造]21223301000001" });
  await expect(reg).toHaveAttribute("href", /\/verify\//);
  await employer.getByRole("button", { name: "上报审核" }).click();
  await expect(employer.getByText("已上报主管部门审核")).toBeVisible();
  await expect(status).toContainText("待审核");
  await expect(employer.getByRole("button", { name: "保存" })).toHaveCount(0); // not editable under review
  await screen(employer, "employer-personnel-submitted");

  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, "staff", "zj_reviewer", "/review");
  await menu(reviewer).getByRole("link", { name: "人员信息审核" }).click();
  const row = reviewer.getByTestId("personnel-queue").locator("tbody tr", { hasText: ZHENG });
  await expect(row).toContainText("浙江华诚工程管理有限公司");
  await row.getByRole("link", { name: "审核" }).click();
  await reviewer.getByRole("button", { name: "退回" }).click();
  await expect(reviewer.getByTestId("form-error")).toContainText("请填写审核意见");
  await reviewer.getByLabel("审核意见").fill("请补充学位信息");
  await reviewer.getByRole("button", { name: "退回" }).click();
  await expect(reviewer.getByText("已退回单位")).toBeVisible();

  // The employer sees the status and the opinion, in the list and on the record.
  await employer.goto("/employer/personnel");
  const mine = employer.getByTestId("personnel-table").locator("tbody tr", { hasText: ZHENG });
  await expect(mine).toContainText("审核退回");
  await expect(mine).toContainText("请补充学位信息");
  await mine.getByRole("link", { name: "查看" }).click();
  await fill(employer, { 学位: "无" });
  await employer.getByRole("button", { name: "保存" }).click();
  await expect(employer.getByText("人员信息已保存")).toBeVisible();
  await employer.getByRole("button", { name: "上报审核" }).click();
  await expect(status).toContainText("待审核");

  await reviewer.goto("/review/personnel");
  await reviewer
    .getByTestId("personnel-queue")
    .locator("tbody tr", { hasText: ZHENG })
    .getByRole("link", { name: "审核" })
    .click();
  await reviewer.getByRole("button", { name: "审核通过" }).click();
  await expect(reviewer.getByText("已审核通过")).toBeVisible();

  await employer.reload();
  await expect(status).toContainText("审核通过");
  await expect(employer.getByRole("button", { name: "上报审核" })).toHaveCount(0);
  await screen(employer, "employer-personnel-approved");
});
