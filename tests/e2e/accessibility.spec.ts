import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInApplicant } from "./support/applicant-steps";
import { query } from "./support/database";
import { SH_EMPLOYER, signIn } from "./support/review-helpers";

/**
 * Issue 13: axe-core finds no violations on any page of any role. One visit per page, one test per role, so the CI
 * cost stays at roughly one page load plus one axe run (~1 s) per page. Pages whose address needs an id use the
 * demo data (or the first row the role can see).
 */
type Finding = { page: string; rule: string; impact: string | null | undefined; nodes: string[] };

async function audit(page: Page, paths: string[]): Promise<Finding[]> {
  const out: Finding[] = [];
  for (const path of paths) {
    const res = await page.goto(path);
    expect(res?.status(), `${path} answers`).toBeLessThan(400);
    await page.waitForLoadState("load");
    const { violations } = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
      .analyze();
    for (const v of violations) {
      out.push({ page: path, rule: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) });
      console.log(
        `axe ${path}: ${v.id} (${v.impact}) ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
      );
    }
  }
  return out;
}

// A page load plus an axe run takes a few seconds on a loaded 2-core machine; a role has up to 16 pages.
test.describe.configure({ timeout: 300_000 });

const firstId = async (sql: string, params: unknown[] = []) => (await query<{ id: string }>(sql, params))[0]?.id;

test("accessibility: public pages (no sign-in)", async ({ page }) => {
  const notice = await firstId(
    "select id from announcements where status = 'published' order by published_at desc limit 1",
  );
  const publicity = await firstId("select id from notices where kind = 'publicity' limit 1");
  const findings = await audit(page, [
    "/",
    "/notices",
    ...(notice ? [`/notices/${notice}`] : []),
    "/publicity",
    ...(publicity ? [`/publicity/${publicity}`] : []),
    "/guide",
    "/guide/cost1/initial",
    "/faq",
    "/contacts",
    "/verify",
    "/login/applicant",
    "/login/applicant/activate",
    "/login/applicant/reset",
    "/login/employer",
    "/login/employer/reset",
    "/login/staff",
  ]);
  expect(findings).toEqual([]);
});

test("accessibility: applicant pages", async ({ page }) => {
  await signInApplicant(page, "310101198803150012");
  const app = await firstId(
    "select a.id from applications a join people p on p.id = a.person_id where p.id_number = '310101198803150012' " +
      "and a.status <> 'deleted' limit 1",
  );
  const findings = await audit(page, [
    "/applicant",
    "/applicant/apply",
    "/applicant/applications",
    ...(app ? [`/applicant/applications/${app}`] : []),
    "/applicant/certificates",
    "/applicant/messages",
    "/applicant/profile",
    "/applicant/profile/edit",
    "/applicant/records/education",
    "/applicant/records/work",
    "/applicant/records/achievements",
    "/applicant/password",
  ]);
  expect(findings).toEqual([]);
});

test("accessibility: employer pages", async ({ page }) => {
  await signIn(page, "employer", SH_EMPLOYER, "/employer");
  const app = await firstId(
    "select a.id from applications a join employers e on e.id = a.employer_id where e.uscc = $1 and a.status in " +
      "('signed','pending_acceptance','under_review','approved') limit 1",
    [SH_EMPLOYER],
  );
  const findings = await audit(page, [
    "/employer",
    "/employer/pending",
    "/employer/confirmed",
    ...(app ? [`/employer/applications/${app}`] : []),
    "/employer/password",
  ]);
  expect(findings).toEqual([]);
});

test("accessibility: reviewer pages", async ({ page }) => {
  await signIn(page, "staff", "sh_reviewer", "/review");
  const app = await firstId(
    "select a.id from applications a join authorities au on au.id = a.authority_id where au.code = 'sh' and " +
      "a.status in ('pending_acceptance','under_review') limit 1",
  );
  const findings = await audit(page, [
    "/review",
    "/review/pending",
    "/review/reviewing",
    "/review/done",
    ...(app ? [`/review/applications/${app}`] : []),
    "/review/notices",
    "/review/stats",
    "/review/password",
  ]);
  expect(findings).toEqual([]);
});

test("accessibility: administrator pages", async ({ page }) => {
  await signIn(page, "staff", "admin", "/admin");
  const notice = await firstId("select id from announcements order by published_at desc limit 1");
  const findings = await audit(page, [
    "/admin",
    "/admin/users",
    "/admin/sms-outbox",
    "/admin/audit",
    "/admin/notices",
    "/admin/notices/new",
    ...(notice ? [`/admin/notices/${notice}`] : []),
    "/admin/faq",
    "/admin/password",
  ]);
  expect(findings).toEqual([]);
});
