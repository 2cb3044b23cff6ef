/** Shared steps of the employer-*.spec.ts and review-*.spec.ts browser tests. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { expect, type Page } from "@playwright/test";
import { query } from "./database";

const PASSWORD = "Demo2026!";
export const SH_EMPLOYER = "91310000MA1FL0001R";
export const ZJ_EMPLOYER = "91330100MA2CD0002J";
export const BJ_DESIGN_EMPLOYER = "91110000MA00B00030";

export type Fixture = {
  applicationId: string;
  acceptanceNo: string;
  personName: string;
  idNumber: string;
  version: number;
  status: string;
};

/** A new person with an application at the given stage, made by the real services (see review-fixture.ts). */
export function fixture(spec: {
  name: string;
  stage?: "signed" | "countersigned" | "accepted" | "withdrawal_requested";
  programCode?: string;
  provinceCode?: string;
  specialty?: string;
  employerUscc?: string;
  reviewer?: string;
  socialInsuranceAnomaly?: boolean;
  hongKong?: boolean;
}): Fixture {
  const out = execFileSync("npx", ["tsx", "tests/e2e/support/review-fixture.ts", JSON.stringify(spec)], {
    encoding: "utf8",
    env: process.env,
  });
  const line = out
    .trim()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .at(-1);
  if (!line) throw new Error(`fixture printed nothing: ${out}`);
  return JSON.parse(line) as Fixture;
}

const SURNAMES = "赵钱孙周吴郑冯陈褚卫蒋沈韩杨朱秦许何吕施张孔曹严华金魏陶姜";
const GIVEN = "安博晨德丰刚海华佳建锦俊凯立明宁鹏琦荣森涛伟文霞欣洋怡瑜泽志嘉";
/** A person name unlikely to repeat within one run (each test owns its people). */
export function uniqueName(): string {
  const pick = (s: string) => s[Math.floor(Math.random() * s.length)]!;
  return pick(SURNAMES) + pick(GIVEN) + pick(GIVEN);
}

export async function signIn(page: Page, kind: "employer" | "staff", login: string, home: string) {
  await query("delete from rate_limits where key like 'login:%' or key like 'lock:%'");
  await page.goto(`/login/${kind}`);
  await page.getByLabel(kind === "employer" ? "统一社会信用代码" : "用户名").fill(login);
  await page.locator("#password").fill(PASSWORD);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.waitForURL((url) => url.pathname === home);
}

export const menu = (page: Page) => page.getByRole("navigation", { name: "功能菜单" });

/** Full-page screenshots of every page built, for looking at (test-results/screens). */
export async function screen(page: Page, name: string) {
  fs.mkdirSync("test-results/screens", { recursive: true });
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

export async function applicationStatus(id: string): Promise<string> {
  const [row] = await query<{ status: string }>("select status from applications where id = $1", [id]);
  return row!.status;
}

/** Follows a link the way a browser would and checks a PDF comes back. */
export async function expectPdf(page: Page, href: string) {
  const res = await page.request.get(href);
  expect(res.status(), href).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  expect((await res.body()).subarray(0, 5).toString()).toBe("%PDF-");
}

/**
 * The 公示期 of the notice(s) listing this application ends: its last day becomes yesterday (China time). A browser
 * test cannot wait a week; this is the one fact it changes by hand, as time itself would.
 */
export async function endNoticePeriod(applicationId: string) {
  await query(
    `update notices set ends_on = (now() at time zone 'Asia/Shanghai')::date - 1 where id in (select notice_id from ` +
      `notice_items where application_id = $1)`,
    [applicationId],
  );
}

type Panel = ReturnType<Page["getByRole"]>;

/** 受理, then 审查通过，报上级审批: a level that checks and forwards (香港地区, 中价协, a provincial 初审). */
export async function acceptAndForward(page: Page, panel: Panel) {
  await panel.getByRole("button", { name: "受理", exact: true }).click();
  await page.getByRole("button", { name: "确认受理" }).click();
  await expect(page.getByTestId("review-done")).toBeVisible();
  await panel.getByRole("button", { name: "审查通过，报上级审批" }).click();
  await page.getByRole("button", { name: "确认审查通过，报上级审批" }).click();
  await page.waitForURL(/\/review\/pending\?forwarded=/);
}

/**
 * An application already 公示中: publishes the notice titled `title` (公示公告), lets its 公示期 end, then 公示期满办结
 * on the application's page. Returns the issued registration as the page shows it.
 */
export async function publishAndConclude(page: Page, panel: Panel, applicationId: string, title: string) {
  await page.goto("/review/notices");
  await page.getByLabel("公示标题").fill(title);
  await page.getByRole("button", { name: "发布公示" }).click();
  await page.waitForURL(/\/review\/notices\?done=published/);
  await endNoticePeriod(applicationId);
  await page.goto(`/review/applications/${applicationId}`);
  await panel.getByRole("button", { name: "公示期满办结" }).click();
  await page.getByRole("button", { name: "确认公示期满办结" }).click();
  return page.getByTestId("issued-registration");
}
