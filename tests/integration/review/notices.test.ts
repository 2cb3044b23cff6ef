import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { acceptApplication } from "@/lib/services/applications/accept-application";
import { countersignApplication } from "@/lib/services/applications/countersign-application";
import { forwardApplication } from "@/lib/services/applications/forward-application";
import { publishNotice } from "@/lib/services/applications/publish-notice";
import { publishNoticeBatch } from "@/lib/services/notices/publish-notice-batch";
import { authorityNotices, unlistedPublicized } from "@/lib/queries/review-notices";
import { employer, reviewer } from "../support/actors";
import { testDb } from "../support/db";
import { filedInitialApplication, freshApplicant } from "../engine/fixtures";

const SH_EMPLOYER = "91310000MA1FL0001R";
let db: Database;
let mohurdId: string;

/** 一级造价: 上海初审 → 住建部 受理 → 公示 (W6). Returns the publicized application. */
async function publicized(outcome: "pass" | "fail" = "pass") {
  const who = await freshApplicant(db, { programCode: "cost1", specialty: "1", employerUscc: SH_EMPLOYER, provinceCode: "31" });
  const f = await filedInitialApplication(db, who, "cost1", "1");
  let v = (await countersignApplication(db, await employer(db, SH_EMPLOYER), { applicationId: f.applicationId, version: f.version, opinionTicked: true })).application.version;
  const sh = await reviewer(db, "sh_reviewer");
  v = (await acceptApplication(db, sh, { applicationId: f.applicationId, version: v })).application.version;
  v = (await forwardApplication(db, sh, { applicationId: f.applicationId, version: v })).application.version;
  const mo = await reviewer(db, "mohurd_reviewer");
  v = (await acceptApplication(db, mo, { applicationId: f.applicationId, version: v })).application.version;
  const out = await publishNotice(db, mo, { applicationId: f.applicationId, version: v, outcome, reasons: outcome === "fail" ? ["业绩证明不足"] : undefined });
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
    const out = await publishNoticeBatch(db, mo, { title: "关于一级造价工程师初始注册审查结果的公示", body: "公示期7天", endsOn: "2099-12-31", applicationIds: [one, two] });
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
    await expect(publishNoticeBatch(db, mo, { title: "重复", endsOn: "2099-12-31", applicationIds: [one] })).rejects.toMatchObject({ kind: "refused" });
  });

  it("authority-scoped and validated: other authorities get not_found, bad input says what to fix, nothing is written", async () => {
    const app = await publicized("pass");
    const before = (await db.select().from(s.notices)).length;
    await expect(publishNoticeBatch(db, await reviewer(db, "sh_reviewer"), { title: "越权", endsOn: "2099-12-31", applicationIds: [app] })).rejects.toMatchObject({ kind: "not_found" });
    await expect(publishNoticeBatch(db, await employer(db, SH_EMPLOYER), { title: "越权", endsOn: "2099-12-31", applicationIds: [app] })).rejects.toMatchObject({ kind: "not_found" });
    const mo = await reviewer(db, "mohurd_reviewer");
    await expect(publishNoticeBatch(db, mo, { title: " ", endsOn: "2000-01-01", applicationIds: [] })).rejects.toMatchObject({
      kind: "invalid",
      fieldErrors: { title: "请填写公示标题", endsOn: "公示截止日期不能早于今天", applicationIds: "请至少选择一项公示中的申请" },
    });
    // An application this authority does not hold (here: still with the employer) does not exist for it.
    const who = await freshApplicant(db, { programCode: "cost1", specialty: "1", employerUscc: SH_EMPLOYER, provinceCode: "31" });
    const f = await filedInitialApplication(db, who, "cost1", "1");
    await expect(publishNoticeBatch(db, mo, { title: "混入", endsOn: "2099-12-31", applicationIds: [app, f.applicationId] })).rejects.toMatchObject({ kind: "not_found" });
    expect((await db.select().from(s.notices)).length).toBe(before);
  });
});
