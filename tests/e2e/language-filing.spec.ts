import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { PASSWORD, uploadAttachments } from "./support/applicant-steps";
import { query } from "./support/database";

/**
 * Filing in English (issue 14 item 4): the Hong Kong demo member (陈玥, 香港测量师互认证号) switches the portal to
 * English, opens 新增注册申请, starts an 初始注册 and walks 申报须知 → 个人承诺书 → 申报信息 up to the signing dialog,
 * every step in English — the server's field problems too — then finds the draft in 上报业务查询 and its detail page
 * in English, deletes it and switches back to Chinese, where the same pages read exactly as before.
 */
const LOGIN = "hk_surveyor_mutual:HKQS-2019-0123";
const CJK = /[\u4e00-\u9fff]/;

async function reset() {
  await query("delete from rate_limits where key like 'login:%' or key like 'lock:%' or key like 'code:%'");
  await query("update user_accounts set locale = 'zh-CN' where login_name = $1", [LOGIN]);
}

/** 陈玥 has no 工作经历 / 工作业绩 in the demo: give her the records I3 asks for, so the form pre-fills them. */
async function giveRecords() {
  const [me] = await query<{ person_id: string }>("select person_id from user_accounts where login_name = $1", [LOGIN]);
  const personId = me!.person_id;
  const [has] = await query<{ n: string }>("select count(*) as n from work_experiences where person_id = $1", [
    personId,
  ]);
  if (Number(has!.n) > 0) return;
  await query(
    "insert into work_experiences (person_id, start_date, organization, position) values ($1, '2012-09-01', $2, $3)",
    [personId, "香港测量师行", "工料测量师"],
  );
  const year = Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format());
  for (const i of [0, 1, 2])
    await query("insert into achievements (person_id, year, project_name, role) values ($1, $2, $3, $4)", [
      personId,
      year - 3 + i,
      `启德发展区项目 ${i + 1}`,
      "工料测量负责人",
    ]);
}

test.beforeEach(reset);
test.afterAll(reset);

test("the Hong Kong member files an initial registration in English up to the signing dialog", async ({ page }) => {
  test.setTimeout(180_000);
  await giveRecords();
  await page.goto("/login/applicant");
  await page.getByLabel("证件类型").selectOption({ label: "香港测量师互认证号" });
  await page.getByLabel("证件号码").fill("HKQS-2019-0123");
  await page.locator("#password").fill(PASSWORD);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.waitForURL((url) => url.pathname === "/applicant");
  await page.getByTestId("language-switch").filter({ hasText: "English" }).click();
  await expect(page.getByTestId("language-switch").filter({ hasText: "中文" })).toBeVisible();

  // 新增注册申请: programme, types and specialties named in English; the reasons of unavailable options too.
  await page.goto("/applicant/apply");
  await expect(page.getByRole("heading", { name: "New registration application", level: 1 })).toBeVisible();
  const program = page.getByTestId("program-cost1");
  await expect(program.getByRole("heading", { name: "Class 1 Cost Engineer" })).toBeVisible();
  const options = program.getByTestId("apply-option");
  await expect(options.first()).toBeVisible();
  expect(await program.locator(".ap-options").textContent()).not.toMatch(CJK);
  await program.getByRole("button", { name: "Initial registration (Civil and building works)" }).click();
  await page.waitForURL(/\/applicant\/applications\/[0-9a-f-]+\/edit$/);
  const applicationId = page.url().split("/").at(-2)!;

  // 申报须知 → 个人承诺书 (a draft left by an earlier run resumes where it was).
  const steps = page.getByRole("list", { name: "Filing steps" });
  await expect(steps).toContainText("Before you apply");
  expect(await steps.textContent()).not.toMatch(CJK);
  const step = page.locator("section.card > h2").first();
  await expect(step).toBeVisible();
  if ((await step.textContent()) === "Before you apply") {
    await expect(page.getByText("Conditions for approval")).toBeVisible();
    await page.getByLabel("Tick all").check();
    await page.getByRole("button", { name: "Next" }).click();
    await expect(step).toHaveText("Personal undertaking");
  }
  if ((await step.textContent()) === "Personal undertaking") {
    const letter = page.getByRole("region", { name: "Personal undertaking" });
    await expect(letter).toContainText("solemnly undertake as follows");
    await page.getByLabel("I give the above undertaking").check();
    const confirm = page.getByRole("button", { name: /^Confirm/ });
    await expect(confirm).toBeEnabled({ timeout: 75_000 });
    await confirm.click();
  }

  // 申报信息: sections, fields, tables and attachments in English.
  await expect(page.getByRole("heading", { name: "Application form", level: 2 })).toBeVisible();
  for (const heading of ["Personal information", "Employer information", "Supporting documents (scans)"])
    await expect(page.getByRole("heading", { name: heading, level: 3 })).toBeVisible();
  await expect(page.getByLabel("ID document type")).toHaveValue("Hong Kong surveyor mutual recognition number");
  await expect(page.getByLabel("Registered specialty")).toHaveValue("Civil and building works");
  await expect(page.getByRole("table", { name: "Work experience" })).toBeVisible();

  // The server's field problems come back in English: save before uploading anything.
  const opinion = page.locator('[data-field="applicantOpinion"] input[type=checkbox]');
  await opinion.check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText(/^Saved, but \d+ item\(s\) need correcting/)).toBeVisible();
  await expect(page.locator('[data-attachment="qualification_certificate"] .error')).toHaveText(
    "Please upload \u201cScan of the qualification certificate\u201d.",
  );

  await uploadAttachments(page);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("print-form")).toHaveText("Print application form");
  await uploadAttachments(page);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved, and every check has passed.")).toBeVisible();

  // Up to 个人数字签名: the dialog in English (not signed here).
  await page.getByRole("button", { name: "Digital signature" }).click();
  const dialog = page.getByRole("dialog", { name: "Digital signature" });
  await expect(dialog.getByRole("button", { name: "Get code" })).toBeVisible();
  await expect(dialog).toContainText("File to sign");
  fs.mkdirSync("/work/briefs/out", { recursive: true });
  await page.screenshot({ path: "/work/briefs/out/B-wizard-en-sign.png", fullPage: true });
  await dialog.getByRole("button", { name: "Close" }).click();
  await page.screenshot({ path: "/work/briefs/out/B-wizard-en.png", fullPage: true });

  // 上报业务查询 and 申请详情 in English.
  await page.goto("/applicant/applications");
  await expect(page.getByRole("heading", { name: "My applications", level: 1 })).toBeVisible();
  const row = page
    .locator("tbody tr")
    .filter({ has: page.locator(`a[href="/applicant/applications/${applicationId}"]`) });
  await expect(row).toContainText("Initial registration");
  await expect(row).toContainText("Class 1 Cost Engineer / Civil and building works");
  await expect(row).toContainText("Not filed (draft)");
  await row.getByRole("link", { name: "View progress" }).click();
  await expect(page.getByRole("heading", { name: "Initial registration (Civil and building works)" })).toBeVisible();
  await expect(page.getByTestId("status-label")).toHaveText("Not filed (draft)");
  await expect(page.getByTestId("timeline")).toContainText("Application form saved");
  await expect(page.getByTestId("timeline")).toContainText("Applicant");

  // The same pages in Chinese, as they always were.
  await page.getByTestId("language-switch").filter({ hasText: "中文" }).click();
  await expect(page.getByTestId("status-label")).toHaveText("未申报（草稿）");
  await expect(page.getByRole("heading", { name: "初始注册（土木建筑工程）" })).toBeVisible();
  await page.getByTestId("language-switch").filter({ hasText: "English" }).click();

  // 删除 in English, so the next run starts a new draft.
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("dialog", { name: "Delete application" }).getByRole("button", { name: "Delete" }).click();
  await page.waitForURL(/\/applicant\/applications\?deleted=1$/);
  await expect(page.getByText("The application has been deleted.")).toBeVisible();
});
