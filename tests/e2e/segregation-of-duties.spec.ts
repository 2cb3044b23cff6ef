import { expect, test, type Page } from "@playwright/test";
import { query } from "./support/database";
import { SH_EMPLOYER, applicationStatus, fixture, screen, signIn, uniqueName } from "./support/review-helpers";

/**
 * Issue 9 item 9, proven through the UI (ASVS V4.1.3, V11.1.x): an administrator links a reviewer account — or an
 * employer account's operator — to a person on 用户管理, and the reviewer then cannot accept an application that
 * person filed, or that the linked employer account countersigned: the page offers them no 受理 and says why (the
 * server's own refusal of a forged request is proven in tests/integration/security/segregation-of-duties.test.ts).
 * A colleague still can.
 */
const REVIEWER = "sh_reviewer2";

test.afterEach(async () => {
  // The links belong to this spec alone: leave the demo accounts as they were for the other specs.
  await query(
    "update user_accounts set person_id = null where (role = 'reviewer' and login_name = $1) or (role = 'employer' " +
      "and login_name = $2)",
    [REVIEWER, SH_EMPLOYER],
  );
});

/** 用户管理 → 关联人员 of one account, by 居民身份证号码, as the administrator does it. */
async function linkOnUsersPage(page: Page, login: string, idNumber: string) {
  await page.goto(`/admin/users?q=${encodeURIComponent(login)}`);
  const form = page.getByTestId(`link-person-${login}`);
  await form.getByLabel("关联人员的居民身份证号码").fill(idNumber);
  page.once("dialog", (d) => void d.accept());
  await form.getByRole("button", { name: "保存关联" }).click();
  await expect(form.getByTestId("form-ok")).toContainText("已关联人员");
}

/** The involved reviewer's page: no 受理 button, and the reason in its place. */
async function expectWithheld(page: Page, applicationId: string) {
  await page.goto(`/review/applications/${applicationId}`);
  const panel = page.getByRole("region", { name: "审查办理" });
  await expect(panel.getByTestId("duties-withheld")).toContainText(
    "按回避规定，您不能审核本人申报或本人经办签章的申请",
  );
  await expect(panel.getByRole("button", { name: "受理", exact: true })).toHaveCount(0);
}

async function tryToAccept(page: Page, applicationId: string) {
  await page.goto(`/review/applications/${applicationId}`);
  const panel = page.getByRole("region", { name: "审查办理" });
  await panel.getByRole("button", { name: "受理", exact: true }).click();
  await page.getByRole("form", { name: "受理" }).getByRole("button", { name: "确认受理" }).click();
}

test("V4.1.3 a reviewer linked to the applicant on 用户管理 cannot accept their application; a colleague can", async ({
  browser,
}) => {
  const app = fixture({ name: uniqueName(), stage: "countersigned" });
  const admin = await browser.newPage();
  await signIn(admin, "staff", "admin", "/admin");
  await linkOnUsersPage(admin, REVIEWER, app.idNumber);
  await expect(admin.getByTestId(`link-person-${REVIEWER}`)).toContainText(`已关联：${app.personName}`);
  await screen(admin, "admin-link-person");

  const reviewer = await browser.newPage();
  await signIn(reviewer, "staff", REVIEWER, "/review");
  await expectWithheld(reviewer, app.applicationId);
  expect(await applicationStatus(app.applicationId)).toBe("pending_acceptance");
  await screen(reviewer, "review-refused-own-application");

  const colleague = await browser.newPage();
  await signIn(colleague, "staff", "sh_reviewer", "/review");
  await tryToAccept(colleague, app.applicationId);
  await expect(colleague.getByTestId("review-done")).toContainText("受理");
  expect(await applicationStatus(app.applicationId)).toBe("under_review");
});

test("V4.1.3 M2: a reviewer who is the linked operator of the countersigning employer account cannot accept", async ({
  browser,
}) => {
  const clerk = fixture({ name: uniqueName(), stage: "signed" });
  const app = fixture({ name: uniqueName(), stage: "countersigned" });
  const admin = await browser.newPage();
  await signIn(admin, "staff", "admin", "/admin");
  await linkOnUsersPage(admin, SH_EMPLOYER, clerk.idNumber);
  await linkOnUsersPage(admin, REVIEWER, clerk.idNumber);

  const reviewer = await browser.newPage();
  await signIn(reviewer, "staff", REVIEWER, "/review");
  await expectWithheld(reviewer, app.applicationId);
  expect(await applicationStatus(app.applicationId)).toBe("pending_acceptance");
});
