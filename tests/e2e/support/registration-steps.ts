/**
 * Steps the per-type journeys share (journey-registration-types.spec.ts, journey-reissue-suspend-info.spec.ts): a
 * registration in force given to a fresh applicant, the employer's 签名确认, the authority's 受理 and 准予…, /verify.
 */
import { expect, type Browser, type Page } from "@playwright/test";
import { shot, type Applicant } from "./applicant-steps";
import { query } from "./database";
import { signIn } from "./review-helpers";

const chinaToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
export const plusYears = (iso: string, n: number) => `${Number(iso.slice(0, 4)) + n}${iso.slice(4)}`;

export type GivenRegistration = { registrationNo: string; sealNo: string; employerName: string; validTo: string };

/** A registration in force for the person (as if approved a year ago), with the given employer and issuing office. */
export async function giveRegistration(
  me: Applicant,
  programCode: string,
  authorityCode: string,
  uscc: string,
  provinceCode: string,
): Promise<GivenRegistration> {
  const [emp] = await query<{ id: string; name: string }>("select id, name from employers where uscc = $1", [uscc]);
  const [auth] = await query<{ id: string }>("select id from authorities where code = $1", [authorityCode]);
  const serial = String((Date.now() + Math.floor(Math.random() * 1000)) % 1_000_000).padStart(6, "0");
  const today = chinaToday();
  const registrationNo = `建[造]21${today.slice(2, 4)}${provinceCode}01${serial}`;
  const validTo = plusYears(today, 3);
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
      validTo,
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
  return { registrationNo, sealNo: `${registrationNo}-01`, employerName: emp!.name, validTo };
}

/** The employer opens the person's application from 待签名确认 and signs (the view is kept open for assertions first). */
export async function employerCountersigns(
  browser: Browser,
  uscc: string,
  idNumber: string,
  screens: string,
  inspect?: (page: Page) => Promise<void>,
): Promise<Page> {
  const page = await browser.newPage();
  await signIn(page, "employer", uscc, "/employer");
  await page.goto(`/employer/pending?idNumber=${encodeURIComponent(idNumber)}`);
  const rows = page.getByTestId("pending-table").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole("link", { name: "签名确认" }).click();
  if (inspect) await inspect(page);
  await shot(page, `${screens}-employer-view`);
  await page.locator('input[name="opinionTicked"]').check();
  await page.getByRole("button", { name: "签名确认" }).click();
  await expect(page.getByTestId("countersign-done")).toBeVisible();
  return page;
}

/** The authority accepts and decides; the decision button names the decision (准予延续注册, 准予暂停执业 …). */
export async function reviewerApproves(
  browser: Browser,
  username: string,
  idNumber: string,
  decision: string,
  screens: string,
): Promise<Page> {
  const page = await browser.newPage();
  await signIn(page, "staff", username, "/review");
  await page.goto(`/review/pending?who=${idNumber}`);
  await page.getByTestId("queue-table").getByRole("link", { name: "办理" }).click();
  const panel = page.getByRole("region", { name: "审查办理" });
  await panel.getByRole("button", { name: "受理", exact: true }).click();
  await page.getByRole("button", { name: "确认受理" }).click();
  await expect(page.getByTestId("review-done")).toBeVisible();
  await panel.getByRole("button", { name: decision, exact: true }).click();
  await page.getByRole("button", { name: `确认${decision}` }).click();
  await expect(page.getByTestId("status-label")).toHaveText(/^已办结/);
  await shot(page, `${screens}-reviewer-decided`);
  return page;
}

/** The public certificate check, by someone not signed in. */
export async function openVerify(browser: Browser, registrationNo: string, screens: string): Promise<Page> {
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(`/verify/${encodeURIComponent(registrationNo)}`);
  await expect(anonymous.getByTestId("registration-no")).toHaveText(registrationNo);
  await shot(anonymous, `${screens}-verify`);
  return anonymous;
}
