/**
 * A real installation's first day (run with -c playwright.first-run.config.ts): the portal starts without demo data;
 * the operator creates the first administrator on the command line; the administrator signs in, must set their own
 * password, creates an authority and a reviewer; the reviewer signs in, sets a password and sees an empty queue.
 */
import { execFileSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { e2eDatabaseUrl, query } from "./support/database";

const OWN_PASSWORD = "Chief2026pass";

async function signInStaff(page: Page, username: string, password: string) {
  await page.goto("/login/staff");
  await page.getByLabel("用户名").fill(username);
  await page.locator("#password").fill(password);
  await page.getByRole("button", { name: /登\s*录/ }).click();
}

async function setOwnPassword(page: Page, area: string, oneTime: string, own: string) {
  // The one-time password opens only 修改登录密码 until the user has chosen their own.
  await page.waitForURL((url) => url.pathname === `/${area}/password`);
  await page.locator("#oldPassword").fill(oneTime);
  await page.locator("#password").fill(own);
  await page.locator("#confirm").fill(own);
  await page.getByRole("button", { name: /确\s*定/ }).click();
  await expect(page.getByRole("status").filter({ hasText: /成功/ })).toBeVisible();
}

test("no demo data: create admin → sign in → create authority and reviewer → reviewer sees an empty queue", async ({
  page,
}) => {
  test.setTimeout(180_000);
  page.on("dialog", (d) => void d.accept());
  expect(await query("select 1 from user_accounts")).toHaveLength(0);
  expect((await query("select code from authorities")).map((r) => r.code)).toEqual(
    expect.arrayContaining(["mohurd", "sh", "zj"]),
  );

  const out = execFileSync("npx", ["tsx", "scripts/admin-create.ts", "--username", "chief", "--name", "首席管理员"], {
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() },
    encoding: "utf8",
  });
  const oneTime = out.match(/一次性密码：(\S+?)（/)?.[1];
  expect(oneTime, out).toBeTruthy();

  await signInStaff(page, "chief", oneTime!);
  await setOwnPassword(page, "admin", oneTime!, OWN_PASSWORD);

  await page.goto("/admin/authorities");
  const form = page.getByTestId("authority-form");
  await form.locator("#name").fill("江苏省住房和城乡建设厅");
  await form.locator("#code").fill("js");
  await form.locator("#level").selectOption({ label: "省级" });
  await form.locator("#provinceCode").selectOption({ label: "江苏省" });
  await form.locator("#parentId").selectOption({ label: "住房和城乡建设部" });
  await form.locator("#numberingCode").fill("01");
  await form.locator("#officeCode").fill("3200");
  await form.getByRole("button", { name: "新建机构" }).click();
  await expect(form.getByTestId("form-ok")).toContainText("已新建机构");
  await page.screenshot({ path: "test-results/first-run-authorities.png", fullPage: true });
  await page.reload();
  await expect(page.getByTestId("authority-js")).toContainText("住房和城乡建设部");

  await page.goto("/admin/users/new-reviewer");
  const rf = page.getByTestId("reviewer-form");
  await rf.locator("#username").fill("js_reviewer");
  await rf.locator("#displayName").fill("江苏审核员 周");
  await rf.locator("#authorityId").selectOption({ label: "江苏省住房和城乡建设厅（省级）" });
  await rf.getByRole("button", { name: "创建账号" }).click();
  const reviewerOneTime = (await rf.getByTestId("one-time-password").textContent())!.trim();
  await page.screenshot({ path: "test-results/first-run-new-reviewer.png", fullPage: true });
  const audit = await query<{ kind: string }>(
    "select kind from security_events where kind in ('admin_created','authority_created','account_created') order " +
      "by id",
  );
  expect(audit.map((a) => a.kind)).toEqual(["admin_created", "authority_created", "account_created"]);

  await page.context().clearCookies();
  await signInStaff(page, "js_reviewer", reviewerOneTime);
  await setOwnPassword(page, "review", reviewerOneTime, "Reviewer2026x");
  await page.goto("/review/pending");
  await expect(page.getByText("暂无待受理的申请。")).toBeVisible();
  await page.screenshot({ path: "test-results/first-run-reviewer-queue.png", fullPage: true });

  // The administrator stops the reviewer's account (in another browser): the reviewer's open session ends.
  const adminContext = await page.context().browser()!.newContext();
  try {
    const admin = await adminContext.newPage();
    admin.on("dialog", (d) => void d.accept());
    await signInStaff(admin, "chief", OWN_PASSWORD);
    await admin.waitForURL((url) => url.pathname === "/admin");
    await admin.goto("/admin/users");
    const row = admin.getByTestId("account-js_reviewer");
    await row.getByRole("button", { name: "停用" }).click();
    await expect(row.getByTestId("form-ok")).toContainText("已停用");
    await admin.screenshot({ path: "test-results/first-run-users.png", fullPage: true });
  } finally {
    await adminContext.close();
  }
  await page.goto("/review/pending");
  await expect(page).toHaveURL(/\/login\/staff/);
});
