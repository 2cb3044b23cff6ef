import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { signInApplicant } from "./support/applicant-steps";
import { query } from "./support/database";
import { fixture, SH_EMPLOYER, signIn, uniqueName, ZJ_EMPLOYER } from "./support/review-helpers";
import { actionInventory, builtActions, fill, routeInventory } from "./support/route-inventory";

/**
 * Issue 9 item 11 — the authorization matrix (ASVS V4.1.1 deny by default, V4.1.3 least privilege, V4.2.1 no access to
 * another party's records): every page and route handler, and every server action, for every role, with every
 * dynamic id filled with ANOTHER party's object. The lists are read from app/ and the build, so a new route or action
 * without a row below fails the first test.
 *
 * What the portal answers today, consistently (lib/server/auth.ts requireRole):
 *  - anonymous on a signed-in area: a redirect to that area's sign-in page;
 *  - signed in with another role: 404, as if the page did not exist;
 *  - the right role, someone else's object: 404 (deny by default, nothing about the object leaks);
 *  - never a 5xx, never 200 for someone who may not see the page.
 * Actions (file#export, so the harness does not care how an action is built): a role that may not use one is refused
 * — sign-in redirect, 404, or the 登录已超时 answer — and no data changes. Whether the right role can act on another
 * party's object through an action is proven at the service each action calls
 * (tests/integration/engine/authorization.test.ts).
 */
type Role = "anonymous" | "applicant" | "employer" | "reviewer_province" | "reviewer_ministry" | "admin";
const ROLES: Role[] = ["anonymous", "applicant", "employer", "reviewer_province", "reviewer_ministry", "admin"];
const REVIEWERS: Role[] = ["reviewer_province", "reviewer_ministry"];
const SIGNED_IN: Role[] = ["applicant", "employer", ...REVIEWERS, "admin"];

/**
 * `allow`: who passes the door. `foreign`: the ids in the URL are another party's, so even those get 404. `post`:
 * probed with an empty POST (4xx expected). `refused`: the status a JSON endpoint answers instead of the usual refusal.
 * `home`: signed-in roles a sign-in page sends to their own home page.
 */
type RouteRule = { allow: Role[] | "anyone"; foreign?: boolean; post?: boolean; refused?: number; home?: Role[] };
const AREA = (role: Role | Role[], extra: Omit<RouteRule, "allow"> = {}): RouteRule => ({
  allow: Array.isArray(role) ? role : [role],
  ...extra,
});
const PUBLIC: RouteRule = { allow: "anyone" };

const ROUTES: Record<string, RouteRule> = {
  "/": PUBLIC,
  "/contacts": PUBLIC,
  "/faq": PUBLIC,
  "/guide": PUBLIC,
  "/guide/[program]/[type]": PUBLIC,
  "/notices": PUBLIC,
  "/notices/[id]": PUBLIC,
  "/publicity": PUBLIC,
  // No 公示 exists before a reviewer publishes one: an unknown id answers 404 for everyone, not a 500.
  "/publicity/[id]": { allow: "anyone", foreign: true },
  "/verify": PUBLIC,
  "/verify/[registrationNo]": PUBLIC,
  "/healthz": PUBLIC,
  "/readyz": PUBLIC,
  "/api/captcha": PUBLIC,
  "/api/auth/[...nextauth]": PUBLIC,
  "/login/applicant": { allow: "anyone", home: ["applicant"] },
  "/login/applicant/activate": PUBLIC,
  "/login/applicant/reset": PUBLIC,
  "/login/employer": { allow: "anyone", home: ["employer"] },
  "/login/employer/reset": PUBLIC,
  "/login/staff": { allow: "anyone", home: [...REVIEWERS, "admin"] },
  // A public notice's attachment route asked for a private file of another person.
  "/notices/[id]/attachments/[fileId]": { allow: "anyone", foreign: true },
  "/verify/upload": { allow: "anyone", post: true },
  // Files: only parties to the file's application (V4.2.1); the file here is another applicant's signed form.
  "/files/[id]": AREA(SIGNED_IN, { foreign: true }),

  "/applicant": AREA("applicant"),
  "/applicant/applications": AREA("applicant"),
  "/applicant/apply": AREA("applicant"),
  "/applicant/appeals": AREA("applicant"),
  "/applicant/applications/[id]": AREA("applicant", { foreign: true }),
  "/applicant/applications/[id]/edit": AREA("applicant", { foreign: true }),
  "/applicant/applications/[id]/preview": AREA("applicant", { foreign: true }),
  "/applicant/certificates": AREA("applicant"),
  "/applicant/messages": AREA("applicant"),
  "/applicant/password": AREA("applicant"),
  "/applicant/profile": AREA("applicant"),
  "/applicant/profile/edit": AREA("applicant"),
  "/applicant/records/achievements": AREA("applicant"),
  "/applicant/records/education": AREA("applicant"),
  "/applicant/records/work": AREA("applicant"),
  // The upload API (fetch from the forms) answers 401 登录已超时 to anyone but a signed-in applicant.
  "/applicant/uploads": AREA("applicant", { post: true, refused: 401 }),

  "/employer": AREA("employer"),
  "/employer/confirmed": AREA("employer"),
  "/employer/forced-cancellation": AREA("employer"),
  "/employer/password": AREA("employer"),
  "/employer/pending": AREA("employer"),
  "/employer/applications/[id]": AREA("employer", { foreign: true }),
  "/employer/applications/[id]/notice": AREA("employer", { foreign: true }),
  // 人员管理 and 单位名称变更 (M4, R4): the id is another party's object (not this employer's record) → 404.
  "/employer/personnel": AREA("employer"),
  "/employer/personnel/new": AREA("employer"),
  "/employer/name-change": AREA("employer"),
  "/employer/personnel/[id]": AREA("employer", { foreign: true }),

  "/review": AREA(REVIEWERS),
  "/review/done": AREA(REVIEWERS),
  "/review/export": AREA(REVIEWERS),
  "/review/notices": AREA(REVIEWERS),
  "/review/password": AREA(REVIEWERS),
  "/review/pending": AREA(REVIEWERS),
  "/review/reviewing": AREA(REVIEWERS),
  "/review/stats": AREA(REVIEWERS),
  "/review/applications/[id]": AREA(REVIEWERS, { foreign: true }),
  "/review/personnel": AREA(REVIEWERS),
  "/review/name-changes": AREA(REVIEWERS),
  "/review/personnel/[id]": AREA(REVIEWERS, { foreign: true }),
  "/review/appeals": AREA(REVIEWERS),

  "/admin": AREA("admin"),
  "/admin/audit": AREA("admin"),
  "/admin/audit/verify": AREA("admin"),
  "/admin/authorities": AREA("admin"),
  "/admin/authorities/[id]": AREA("admin"),
  "/admin/faq": AREA("admin"),
  "/admin/notices": AREA("admin"),
  "/admin/notices/[id]": AREA("admin"),
  "/admin/notices/new": AREA("admin"),
  "/admin/password": AREA("admin"),
  "/admin/sms-outbox": AREA("admin"),
  "/admin/users": AREA("admin"),
  "/admin/users/new-employer": AREA("admin"),
  "/admin/users/new-reviewer": AREA("admin"),
};

/** Server actions by file#export → who may call them ("anyone": the sign-in-free password flows). */
const ACTIONS: Record<string, Role[] | "anyone"> = {
  "app/(public)/login/applicant/activate/actions.ts#activate": "anyone",
  "app/(public)/login/applicant/activate/actions.ts#sendActivationCode": "anyone",
  "app/(public)/login/applicant/reset/actions.ts#resetWithCode": "anyone",
  "app/(public)/login/applicant/reset/actions.ts#sendResetCode": "anyone",
  "app/(public)/login/employer/reset/actions.ts#resetEmployerWithCode": "anyone",
  "app/(public)/login/employer/reset/actions.ts#sendEmployerResetCode": "anyone",
  "app/_actions/change-password.ts#changePasswordAction": SIGNED_IN,
  // The header's language switch: anyone; signed in it changes only the caller's own account (issue 14 item 4).
  "app/_actions/language.ts#switchLanguage": "anyone",
  "app/admin/authorities/actions.ts#createAuthorityAction": ["admin"],
  "app/admin/authorities/actions.ts#updateAuthorityAction": ["admin"],
  "app/admin/site-actions.ts#deleteFaqAction": ["admin"],
  "app/admin/site-actions.ts#editAnnouncementAction": ["admin"],
  "app/admin/site-actions.ts#publishAnnouncementAction": ["admin"],
  "app/admin/site-actions.ts#saveFaqAction": ["admin"],
  "app/admin/site-actions.ts#withdrawAnnouncementAction": ["admin"],
  "app/admin/users/actions.ts#accountAction": ["admin"],
  "app/admin/users/actions.ts#createEmployerAction": ["admin"],
  "app/admin/users/actions.ts#createReviewerAction": ["admin"],
  "app/admin/users/actions.ts#linkPersonAction": ["admin"],
  "app/applicant/applications/actions.ts#acceptanceNotice": ["applicant"],
  "app/applicant/applications/actions.ts#agreeConditions": ["applicant"],
  "app/applicant/applications/actions.ts#applicationAction": ["applicant"],
  "app/applicant/applications/actions.ts#commit": ["applicant"],
  "app/applicant/applications/actions.ts#confirmInsurance": ["applicant"],
  "app/applicant/applications/actions.ts#saveForm": ["applicant"],
  "app/applicant/applications/actions.ts#sendCode": ["applicant"],
  "app/applicant/applications/actions.ts#sign": ["applicant"],
  "app/applicant/applications/actions.ts#submitCorrection": ["applicant"],
  "app/applicant/appeals/actions.ts#fileAppealAction": ["applicant"],
  "app/applicant/apply/actions.ts#startApplication": ["applicant"],
  "app/applicant/certificates/actions.ts#claim": ["applicant"],
  "app/applicant/messages/actions.ts#markRead": ["applicant"],
  "app/applicant/profile/actions.ts#chooseEmployer": ["applicant"],
  "app/applicant/profile/actions.ts#findEmployers": ["applicant"],
  "app/applicant/profile/actions.ts#savePortrait": ["applicant"],
  "app/applicant/profile/edit/actions.ts#saveContactDetails": ["applicant"],
  "app/applicant/records/actions.ts#removeRecord": ["applicant"],
  "app/applicant/records/actions.ts#saveRecord": ["applicant"],
  "app/employer/actions.ts#countersignAction": ["employer"],
  "app/employer/actions.ts#returnAction": ["employer"],
  "app/employer/actions.ts#withdrawalAction": ["employer"],
  "app/employer/forced-cancellation/actions.ts#fileForcedCancellationAction": ["employer"],
  "app/employer/name-change/actions.ts#fileNameChangeAction": ["employer"],
  "app/employer/personnel/actions.ts#savePersonnelAction": ["employer"],
  "app/employer/personnel/actions.ts#submitPersonnelAction": ["employer"],
  "app/review/name-changes/actions.ts#decideNameChangeAction": REVIEWERS,
  "app/review/personnel/actions.ts#reviewPersonnelAction": REVIEWERS,
  "app/review/appeals/actions.ts#decideAppealAction": REVIEWERS,
  "app/review/appeals/actions.ts#flagAnomalyAction": REVIEWERS,
  "app/review/applications/[id]/actions.ts#reviewAction": REVIEWERS,
  "app/review/notices/actions.ts#publishNoticeBatchAction": REVIEWERS,
};

const NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";
const allowed = (rule: Role[] | "anyone", role: Role) => rule === "anyone" || rule.includes(role);

test("V4.1.1 every route and server action in app/ has a row in the authorization matrix", () => {
  const routes = routeInventory().map((r) => r.pattern);
  expect(
    routes.filter((p) => !(p in ROUTES)),
    "routes without a row in ROUTES",
  ).toEqual([]);
  expect(
    Object.keys(ROUTES).filter((p) => !routes.includes(p)),
    "rows in ROUTES for routes that no longer exist",
  ).toEqual([]);
  const actions = actionInventory().map((a) => a.key);
  expect(
    actions.filter((k) => !(k in ACTIONS)),
    "server actions without a row in ACTIONS",
  ).toEqual([]);
  expect(
    Object.keys(ACTIONS).filter((k) => !actions.includes(k)),
    "rows in ACTIONS for actions that no longer exist",
  ).toEqual([]);
  // The build knows every action a page can call, inline ones ("use server" inside a function) included.
  expect(
    [...builtActions().keys()].filter((k) => !(k in ACTIONS)),
    "actions in the build without a row in ACTIONS",
  ).toEqual([]);
});

/** Another party's objects: a Zhejiang person's application (浙江华诚, 待受理 at 浙江) — nobody signed in here is a party. */
async function othersObjects() {
  const app = fixture({
    name: uniqueName(),
    stage: "countersigned",
    programCode: "cost2-zj",
    provinceCode: "33",
    employerUscc: ZJ_EMPLOYER,
  });
  const [file] = await query<{ id: string }>("select id from files where application_id = $1 limit 1", [
    app.applicationId,
  ]);
  const [notice] = await query<{ id: string }>("select id from announcements order by published_at desc limit 1");
  const [authority] = await query<{ id: string }>("select id from authorities order by code limit 1");
  if (!file || !notice || !authority) throw new Error("the demo data lacks a file, notice or authority");
  return {
    id: app.applicationId,
    fileId: file.id,
    // Segments whose object is public or the admin's to see: real ones, so the door alone decides.
    notice: notice.id,
    authority: authority.id,
  };
}

function valuesFor(pattern: string, o: Awaited<ReturnType<typeof othersObjects>>): Record<string, string> {
  if (pattern.startsWith("/notices/[id]") || pattern === "/admin/notices/[id]")
    return { id: o.notice, fileId: o.fileId };
  if (pattern === "/admin/authorities/[id]") return { id: o.authority };
  if (pattern === "/publicity/[id]") return { id: NO_SUCH_ID };
  if (pattern === "/files/[id]") return { id: o.fileId };
  return {
    id: o.id,
    program: "cost2-sh",
    type: "initial",
    registrationNo: "建[造]21223301000001",
    nextauth: "session",
  };
}

async function signedIn(browser: Browser, role: Role): Promise<APIRequestContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (role === "applicant") await signInApplicant(page, "310101198803150012");
  if (role === "employer") await signIn(page, "employer", SH_EMPLOYER, "/employer");
  if (role === "reviewer_province") await signIn(page, "staff", "sh_reviewer", "/review");
  if (role === "reviewer_ministry") await signIn(page, "staff", "mohurd_reviewer", "/review");
  if (role === "admin") await signIn(page, "staff", "admin", "/admin");
  await page.close();
  return context.request;
}

/** Everything an action could change, as one fingerprint: a refused call must leave it as it was. */
async function dataFingerprint(): Promise<string> {
  const [row] = await query<{ f: string }>(
    `select concat_ws('|',
    (select md5(coalesce(string_agg(id || ':' || version || ':' || status, ',' order by id), '')) from applications),
    (select count(*) from application_events), (select count(*) from files), (select count(*) from sms_outbox),
    (select md5(coalesce(string_agg(id || ':' || coalesce(password_hash, '') || ':' || disabled::text, ',' order by ` +
      `id), '')) from user_accounts),
    (select count(*) from announcements), (select count(*) from faq_entries), (select count(*) from authorities)) ` +
      `as f`,
  );
  return row!.f;
}

test.describe
  .serial("matrix", () => {
    test.describe.configure({ timeout: 240_000 });
    let objects: Awaited<ReturnType<typeof othersObjects>>;
    const clients = new Map<Role, APIRequestContext>();
    test.beforeAll(async ({ browser, playwright }) => {
      test.setTimeout(240_000);
      objects = await othersObjects();
      clients.set("anonymous", await playwright.request.newContext({ baseURL: test.info().project.use.baseURL }));
      for (const role of SIGNED_IN) clients.set(role, await signedIn(browser, role));
    });

    const title1 =
      "V4.1.1 V4.1.3 V4.2.1 every route × every role × another party's objects: sign-in redirect or 404, never " +
      "5xx, never someone else's data";
    test(title1, async () => {
      const wrong: string[] = [];
      for (const route of routeInventory()) {
        const rule = ROUTES[route.pattern]!;
        const url = fill(route.pattern, valuesFor(route.pattern, objects));
        for (const role of ROLES) {
          const request = clients.get(role)!;
          const res = rule.post
            ? await request.post(url, { maxRedirects: 0, multipart: {} })
            : await request.get(url, { maxRedirects: 0 });
          const status = res.status();
          const location = res.headers().location ?? "";
          const path = location.replace(/^https?:\/\/[^/]+/, "");
          const redirected = status >= 300 && status < 400;
          const ok = !allowed(rule.allow, role)
            ? rule.refused
              ? status === rule.refused
              : role === "anonymous" && route.file.endsWith("page.tsx")
                ? redirected && path.startsWith("/login/") // a page: sign in first
                : status === 404 // another role, or a download/API: as if it did not exist
            : rule.home?.includes(role)
              ? redirected && !path.startsWith("/login")
              : rule.foreign
                ? status === 404
                : rule.post
                  ? status >= 400 && status < 500
                  : status === 200;
          if (!ok || status >= 500)
            wrong.push(`${role} ${rule.post ? "POST" : "GET"} ${url} → ${status}${location ? ` ${location}` : ""}`);
        }
      }
      expect(wrong).toEqual([]);
    });

    const title2 =
      "V4.1.1 V4.1.3 every server action × every role that may not use it: refused, never 5xx, no data " + "changed";
    test(title2, async ({ baseURL }) => {
      const built = builtActions();
      const before = await dataFingerprint();
      const wrong: string[] = [];
      for (const action of actionInventory()) {
        const rule = ACTIONS[action.key]!;
        const target = built.get(action.key);
        if (!target) continue; // not referenced by any page: Next gives it no id, so it cannot be called over HTTP
        const url = fill(target.page, valuesFor(target.page, objects));
        for (const role of ROLES.filter((r) => !allowed(rule, r))) {
          const res = await clients.get(role)!.post(url, {
            maxRedirects: 0,
            headers: {
              "Next-Action": target.id,
              Origin: baseURL!,
              "Content-Type": "text/plain;charset=UTF-8",
              Accept: "text/x-component",
            },
            data: "[]",
          });
          const status = res.status();
          const body = (await res.text()).slice(0, 4000);
          const redirect = res.headers()["x-action-redirect"] ?? res.headers().location ?? "";
          // The action's return value is row 1 of the RSC answer: refused means nothing (undefined, null, []) or an
          // error.
          const value = body.match(/^1:(.*)$/m)?.[1] ?? "";
          const refused =
            status === 404 ||
            /\/login/.test(redirect) ||
            /^("\$undefined"|null|\[\])$/.test(value) ||
            /"error":|"ok":false/.test(value);
          if (!refused || status >= 500)
            wrong.push(`${role} ${action.key} → ${status} ${redirect} ${body.slice(0, 160).replace(/\s+/g, " ")}`);
        }
      }
      expect(wrong).toEqual([]);
      expect(await dataFingerprint(), "a refused action changed data").toBe(before);
    });
  });
