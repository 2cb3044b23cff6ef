import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { acceptApplication } from "@/lib/services/applications/accept-application";
import { countersignApplication } from "@/lib/services/applications/countersign-application";
import { forwardApplication } from "@/lib/services/applications/forward-application";
import { publishNotice } from "@/lib/services/applications/publish-notice";
import { publishNoticeBatch } from "@/lib/services/notices/publish-notice-batch";
import { concludeExpiredNotices } from "@/lib/services/notices/conclude-expired-notices";
import { concludeNotice } from "@/lib/services/applications/conclude-notice";
import { addDays } from "@/lib/domain/dates";
import { chinaDate } from "@/lib/server/clock";
import { authorityNotices, unlistedPublicized } from "@/lib/queries/review-notices";
import { employer, reviewer } from "../support/actors";
import { testDb } from "../support/db";
import { filedInitialApplication, freshApplicant } from "../engine/fixtures";

const SH_EMPLOYER = "91310000MA1FL0001R";
let db: Database;
let mohurdId: string;

/** 一级造价: 上海初审 → 住建部 受理 → 公示 (W6). Returns the publicized application. */
async function publicized(outcome: "pass" | "fail" = "pass") {
  const who = await freshApplicant(db, {
    programCode: "cost1",
    specialty: "1",
    employerUscc: SH_EMPLOYER,
    provinceCode: "31",
  });
  const f = await filedInitialApplication(db, who, "cost1", "1");
  let v = (
    await countersignApplication(db, await employer(db, SH_EMPLOYER), {
      applicationId: f.applicationId,
      version: f.version,
      opinionTicked: true,
    })
  ).application.version;
  const sh = await reviewer(db, "sh_reviewer");
  v = (await acceptApplication(db, sh, { applicationId: f.applicationId, version: v })).application.version;
  v = (await forwardApplication(db, sh, { applicationId: f.applicationId, version: v })).application.version;
  const mo = await reviewer(db, "mohurd_reviewer");
  v = (await acceptApplication(db, mo, { applicationId: f.applicationId, version: v })).application.version;
  const out = await publishNotice(db, mo, {
    applicationId: f.applicationId,
    version: v,
    outcome,
    reasons: outcome === "fail" ? ["业绩证明不足"] : undefined,
  });
  expect(out.application.status).toBe("publicized");
  return f.applicationId;
}

beforeAll(async () => {
  db = testDb();
  const [m] = await db.select().from(s.authorities).where(eq(s.authorities.code, "mohurd"));
  mohurdId = m!.id;
});

describe("公示公告: publishNoticeBatch (W6)", () => {
  it("W6: one notice lists a batch of the authority's 公示中 applications, in one transaction", async () => {
    const one = await publicized("pass");
    const two = await publicized("fail");
    const candidates = (await unlistedPublicized(db, mohurdId)).map((c) => c.id);
    expect(candidates).toEqual(expect.arrayContaining([one, two]));
    const mo = await reviewer(db, "mohurd_reviewer");
    const out = await publishNoticeBatch(db, mo, {
      title: "关于一级造价工程师初始注册审查结果的公示",
      body: "公示期7天",
      endsOn: "2099-12-31",
      applicationIds: [one, two],
    });
    expect(out.items).toBe(2);
    expect(out.notice.authorityId).toBe(mohurdId);
    expect(out.notice.kind).toBe("publicity");
    const items = await db.select().from(s.noticeItems).where(eq(s.noticeItems.noticeId, out.notice.id));
    expect(items.map((i) => i.applicationId).sort()).toEqual([one, two].sort());
    const listed = await unlistedPublicized(db, mohurdId);
    expect(listed.map((c) => c.id)).not.toContain(one);
    const notices = await authorityNotices(db, mohurdId);
    expect(notices[0]!.items).toBe(2);

    // The same application cannot be listed twice.
    await expect(
      publishNoticeBatch(db, mo, { title: "重复", endsOn: "2099-12-31", applicationIds: [one] }),
    ).rejects.toMatchObject({ kind: "refused" });
  });

  const title1 =
    "authority-scoped and validated: other authorities get not_found, bad input says what to fix, nothing is " +
    "written";
  it(title1, async () => {
    const app = await publicized("pass");
    const before = (await db.select().from(s.notices)).length;
    await expect(
      publishNoticeBatch(db, await reviewer(db, "sh_reviewer"), {
        title: "越权",
        endsOn: "2099-12-31",
        applicationIds: [app],
      }),
    ).rejects.toMatchObject({ kind: "not_found" });
    await expect(
      publishNoticeBatch(db, await employer(db, SH_EMPLOYER), {
        title: "越权",
        endsOn: "2099-12-31",
        applicationIds: [app],
      }),
    ).rejects.toMatchObject({ kind: "not_found" });
    const mo = await reviewer(db, "mohurd_reviewer");
    await expect(
      publishNoticeBatch(db, mo, { title: " ", endsOn: "2000-01-01", applicationIds: [] }),
    ).rejects.toMatchObject({
      kind: "invalid",
      fieldErrors: {
        title: "请填写公示标题",
        endsOn: "公示截止日期不能早于今天",
        applicationIds: "请至少选择一项公示中的申请",
      },
    });
    // An application this authority does not hold (here: still with the employer) does not exist for it.
    const who = await freshApplicant(db, {
      programCode: "cost1",
      specialty: "1",
      employerUscc: SH_EMPLOYER,
      provinceCode: "31",
    });
    const f = await filedInitialApplication(db, who, "cost1", "1");
    await expect(
      publishNoticeBatch(db, mo, { title: "混入", endsOn: "2099-12-31", applicationIds: [app, f.applicationId] }),
    ).rejects.toMatchObject({ kind: "not_found" });
    expect((await db.select().from(s.notices)).length).toBe(before);
  });
});

describe("公示期满办结 (W6)", () => {
  const version = async (id: string) =>
    (await db.select({ v: s.applications.version }).from(s.applications).where(eq(s.applications.id, id)))[0]!.v;

  const title2 =
    "W6: 办结 is refused for an application never listed in a published notice, and before the notice's end date " +
    "with the date in the message";
  it(title2, async () => {
    const app = await publicized("pass");
    const mo = await reviewer(db, "mohurd_reviewer");
    await expect(concludeNotice(db, mo, { applicationId: app, version: await version(app) })).rejects.toMatchObject({
      kind: "refused",
      message: expect.stringContaining("尚未列入已发布的公示"),
    });
    // Even long after publication, without a notice there is no 公示期 to expire.
    await expect(
      concludeNotice(
        db,
        mo,
        { applicationId: app, version: await version(app) },
        new Date(Date.now() + 400 * 86400_000),
      ),
    ).rejects.toMatchObject({ kind: "refused" });

    const today = chinaDate(new Date());
    const endsOn = addDays(today, 7);
    await publishNoticeBatch(db, mo, {
      title: "关于一级造价工程师初始注册审查结果的公示",
      endsOn,
      applicationIds: [app],
    });
    await expect(concludeNotice(db, mo, { applicationId: app, version: await version(app) })).rejects.toMatchObject({
      kind: "refused",
      message: `公示期至${endsOn}，公示期满前不能办结。请于${addDays(endsOn, 1)}起办理公示期满办结。`,
    });
    // On the last day itself the notice is still running.
    const lastDay = new Date(`${endsOn}T12:00:00+08:00`);
    await expect(
      concludeNotice(db, mo, { applicationId: app, version: await version(app) }, lastDay),
    ).rejects.toMatchObject({ kind: "refused" });
    const [row] = await db.select().from(s.applications).where(eq(s.applications.id, app));
    expect(row!.status).toBe("publicized");

    const after = new Date(`${addDays(endsOn, 1)}T09:00:00+08:00`);
    const done = await concludeNotice(
      db,
      mo,
      { applicationId: app, version: await version(app), opinion: "公示期满无异议" },
      after,
    );
    expect(done.application.status).toBe("approved");
  });

  const title3 =
    "W6: the automatic conclusion concludes only applications whose notice has ended, with the published " + "outcome";
  it(title3, async () => {
    const passed = await publicized("pass");
    const failed = await publicized("fail");
    const running = await publicized("pass");
    const unlisted = await publicized("pass");
    const mo = await reviewer(db, "mohurd_reviewer");
    const today = chinaDate(new Date());
    await publishNoticeBatch(db, mo, { title: "第一批", endsOn: today, applicationIds: [passed, failed] });
    await publishNoticeBatch(db, mo, { title: "第二批", endsOn: addDays(today, 10), applicationIds: [running] });

    const tomorrow = new Date(Date.now() + 36 * 3600_000);
    const out = await concludeExpiredNotices(db, tomorrow);
    expect(out.concluded).toEqual(expect.arrayContaining([passed, failed]));
    expect(out.concluded).not.toContain(running);
    expect(out.concluded).not.toContain(unlisted);
    const status = async (id: string) => (await db.select().from(s.applications).where(eq(s.applications.id, id)))[0]!;
    expect((await status(passed)).status).toBe("approved");
    expect([(await status(failed)).status, (await status(failed)).rejectionReasons]).toEqual([
      "rejected",
      ["业绩证明不足"],
    ]);
    expect((await status(running)).status).toBe("publicized");
    expect((await status(unlisted)).status).toBe("publicized");
    const last = (
      await db
        .select()
        .from(s.applicationEvents)
        .where(eq(s.applicationEvents.applicationId, passed))
        .orderBy(s.applicationEvents.seq)
    ).at(-1)!;
    expect([last.actorKind, last.action, last.actorUserId]).toEqual(["system", "conclude", null]);
    // Running it again changes nothing.
    expect((await concludeExpiredNotices(db, tomorrow)).concluded).not.toContain(passed);
  });
});
