import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/services/actor";
import { acceptApplication } from "@/lib/services/applications/accept-application";
import { answerCorrection } from "@/lib/services/applications/answer-correction";
import { countersignApplication } from "@/lib/services/applications/countersign-application";
import { requestCorrection } from "@/lib/services/applications/request-correction";
import { uploadFile } from "@/lib/services/files/upload-file";
import { employerConfirmedPage, employerPendingPage } from "@/lib/queries/employer-queues";
import { applicationDetail } from "@/lib/queries/review-detail";
import { parseReviewFilters, reviewQueuePage, specialtyOptions } from "@/lib/queries/review-queues";
import { authorityQueue, decodeCursor } from "@/lib/queries/queues";
import { employer, reviewer } from "../support/actors";
import { testDb } from "../support/db";
import { filedInitialApplication, freshApplicant } from "../engine/fixtures";

const SH_EMPLOYER = "91310000MA1FL0001R";
const ZJ_EMPLOYER = "91330100MA2CD0002J";
let db: Database;
let shEmployerId: string;
let zjEmployerId: string;
let shAuthorityId: string;
let zjAuthorityId: string;
/** A name part unique to this run, so the seeded data and other files' fixtures never match the filters. */
const TAG = `队${Date.now().toString(36).slice(-4)}`;

type Filed = { applicationId: string; version: number; who: Actor; idNumber: string; name: string };
async function filed(name: string, specialty = "1"): Promise<Filed> {
  const who = await freshApplicant(db, {
    programCode: "cost2-sh",
    specialty,
    employerUscc: SH_EMPLOYER,
    provinceCode: "31",
    name,
  });
  const f = await filedInitialApplication(db, who, "cost2-sh", specialty);
  const [p] = await db.select({ idNumber: s.people.idNumber }).from(s.people).where(eq(s.people.id, who.personId!));
  return { ...f, who, idNumber: p!.idNumber, name };
}

let a: Filed, b: Filed, c: Filed;
beforeAll(async () => {
  db = testDb();
  const emps = await db.select().from(s.employers);
  shEmployerId = emps.find((e) => e.uscc === SH_EMPLOYER)!.id;
  zjEmployerId = emps.find((e) => e.uscc === ZJ_EMPLOYER)!.id;
  const auths = await db.select().from(s.authorities);
  shAuthorityId = auths.find((x) => x.code === "sh")!.id;
  zjAuthorityId = auths.find((x) => x.code === "zj")!.id;
  a = await filed(`${TAG}甲`, "1");
  b = await filed(`${TAG}乙`, "4");
  c = await filed(`${TAG}丙`, "1");
});

describe("待企业确认 / 企业已确认查询 (M1, M3)", () => {
  const title1 =
    "M1: lists this employer's signed applications, newest signature first, in keyset pages without " + "overlap";
  it(title1, async () => {
    const first = await employerPendingPage(db, shEmployerId, { name: TAG }, null, 2);
    expect(first.rows.map((r) => r.personName)).toEqual([c.name, b.name]);
    expect(first.nextCursor).not.toBeNull();
    const second = await employerPendingPage(db, shEmployerId, { name: TAG }, decodeCursor(first.nextCursor), 2);
    expect(second.rows.map((r) => r.personName)).toEqual([a.name]);
    expect(second.nextCursor).toBeNull();
    const row = first.rows[0]!;
    expect(row.categoryLabel).toBe("二级造价工程师（上海市）初始注册");
    expect(row.statusLabel).toContain("待企业签名");
    expect(row.acceptanceNo).toMatch(/^W\d+/);
    expect(row.applicantSignedAt).toBeInstanceOf(Date);
  });

  it("M1: filters by 姓名, 证件号, 注册类别 and 个人签名时间 range", async () => {
    expect((await employerPendingPage(db, shEmployerId, { idNumber: b.idNumber }, null)).rows.map((r) => r.id)).toEqual(
      [b.applicationId],
    );
    // 姓名 and 证件号 together must both match.
    expect(
      (await employerPendingPage(db, shEmployerId, { idNumber: b.idNumber, name: `${TAG}甲` }, null)).rows,
    ).toHaveLength(0);
    expect((await employerPendingPage(db, shEmployerId, { name: TAG, type: "extension" }, null)).rows).toHaveLength(0);
    expect((await employerPendingPage(db, shEmployerId, { name: TAG, type: "initial" }, null)).rows).toHaveLength(3);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    expect(
      (await employerPendingPage(db, shEmployerId, { name: TAG, from: today, to: today }, null)).rows,
    ).toHaveLength(3);
    expect((await employerPendingPage(db, shEmployerId, { name: TAG, to: "2020-01-01" }, null)).rows).toHaveLength(0);
  });

  it("deny by default: another employer's queue never shows them", async () => {
    expect((await employerPendingPage(db, zjEmployerId, { name: TAG }, null)).rows).toHaveLength(0);
    expect((await employerConfirmedPage(db, zjEmployerId, { name: TAG }, null)).rows).toHaveLength(0);
  });

  it("M3: once countersigned it leaves 待企业确认 and appears in 企业已确认查询 with where it went", async () => {
    const out = await countersignApplication(db, await employer(db, SH_EMPLOYER), {
      applicationId: a.applicationId,
      version: a.version,
      opinionTicked: true,
    });
    a.version = out.application.version;
    expect((await employerPendingPage(db, shEmployerId, { name: TAG }, null)).rows.map((r) => r.id)).not.toContain(
      a.applicationId,
    );
    const confirmed = await employerConfirmedPage(db, shEmployerId, { name: TAG }, null);
    expect(confirmed.rows.map((r) => r.id)).toEqual([a.applicationId]);
    expect(confirmed.rows[0]!.statusLabel).toBe("省级未受理");
    expect(confirmed.rows[0]!.authorityName).toBe("上海市住房和城乡建设管理委员会");
    expect(confirmed.rows[0]!.employerSignedAt).toBeInstanceOf(Date);
  });
});

describe("reviewer queues (待受理 / 审查中 / 已办结)", () => {
  it("T: a countersigned application is in 待受理 of its own authority only, with counts per tab", async () => {
    const pending = await reviewQueuePage(db, shAuthorityId, "pending", { who: a.idNumber });
    expect(pending.rows.map((r) => r.id)).toEqual([a.applicationId]);
    expect(pending.rows[0]!.statusLabel).toBe("省级未受理");
    expect(pending.rows[0]!.specialtyName).toBe("土木建筑工程");
    expect(pending.counts.pending).toBeGreaterThanOrEqual(1);
    expect((await reviewQueuePage(db, shAuthorityId, "reviewing", { who: a.idNumber })).rows).toHaveLength(0);
    expect((await reviewQueuePage(db, zjAuthorityId, "pending", { who: a.idNumber })).rows).toHaveLength(0);
    // Signed but not yet countersigned: not at any authority.
    expect((await reviewQueuePage(db, shAuthorityId, "pending", { who: b.idNumber })).rows).toHaveLength(0);
  });

  it("filters: 注册类别, 专业, 状态 (only the tab's own), 提交日期, 姓名或证件号; bad values are ignored", async () => {
    for (const f of [b, c]) {
      const out = await countersignApplication(db, await employer(db, SH_EMPLOYER), {
        applicationId: f.applicationId,
        version: f.version,
        opinionTicked: true,
      });
      f.version = out.application.version;
    }
    const byName = await reviewQueuePage(db, shAuthorityId, "pending", { who: TAG });
    expect(new Set(byName.rows.map((r) => r.id))).toEqual(new Set([a.applicationId, b.applicationId, c.applicationId]));
    expect(
      (await reviewQueuePage(db, shAuthorityId, "pending", { who: TAG, specialty: "cost2-sh:4" })).rows.map(
        (r) => r.id,
      ),
    ).toEqual([b.applicationId]);
    expect((await reviewQueuePage(db, shAuthorityId, "pending", { who: TAG, type: "extension" })).rows).toHaveLength(0);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    expect(
      (await reviewQueuePage(db, shAuthorityId, "pending", { who: TAG, from: today, to: today })).rows,
    ).toHaveLength(3);
    expect((await reviewQueuePage(db, shAuthorityId, "pending", { who: TAG, from: "2099-01-01" })).rows).toHaveLength(
      0,
    );
    // A status of another tab cannot widen the tab; malformed values fall back to no filter.
    expect(
      parseReviewFilters("pending", { status: "approved", type: "bogus", specialty: "nope:9", from: "yesterday" }),
    ).toEqual({
      statuses: ["pending_acceptance"],
      type: undefined,
      programCode: undefined,
      specialty: undefined,
      from: undefined,
      to: undefined,
      who: undefined,
    });
    expect(byName.nextCursor).toBeNull();
  });

  it("the 专业 filter lists only the specialties of the authority's own programs", async () => {
    const programsOf = async (code: string) => {
      const [a] = await db.select({ id: s.authorities.id }).from(s.authorities).where(eq(s.authorities.code, code));
      return [...new Set((await specialtyOptions(db, a!.id)).map((o) => o.value.split(":")[0]))].sort();
    };
    // 上海: its own 二级 and the national 一级 it pre-reviews — not 浙江's, not the ministry-only programs.
    expect(await programsOf("sh")).toEqual(["cost1", "cost2-sh"]);
    expect(await programsOf("zj")).toEqual(["cost1", "cost2-zj"]);
    expect(await programsOf("ceca")).toEqual(["cost1"]);
    expect(await programsOf("mohurd")).toEqual(["architect1", "cost1", "survey-design"]);
  });

  it("keyset pagination walks every page exactly once", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 100; i++) {
      const page = await authorityQueue(
        db,
        shAuthorityId,
        parseReviewFilters("pending", { who: TAG }),
        decodeCursor(cursor),
        1,
      );
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
  });

  it("审查中 after 受理, with the 状态 filter; the detail shows the timeline and documents", async () => {
    const rev = await reviewer(db, "sh_reviewer");
    const accepted = await acceptApplication(db, rev, {
      applicationId: c.applicationId,
      version: c.version,
      opinion: "材料齐全，予以受理",
    });
    c.version = accepted.application.version;
    expect(
      (await reviewQueuePage(db, shAuthorityId, "reviewing", { who: c.idNumber })).rows.map((r) => r.statusLabel),
    ).toEqual(["省级审批中"]);
    expect(
      (await reviewQueuePage(db, shAuthorityId, "reviewing", { who: c.idNumber, status: "publicized" })).rows,
    ).toHaveLength(0);
    expect((await reviewQueuePage(db, shAuthorityId, "pending", { who: c.idNumber })).rows).toHaveLength(0);

    const d = await applicationDetail(db, c.applicationId);
    // T1: every step is on the timeline, in order, with the opinion.
    expect(d!.timeline.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(d!.timeline.at(-1)!.title).toBe("已受理");
    expect(d!.timeline.at(-1)!.actorName).toBe(rev.displayName);
    expect(d!.timeline.at(-1)!.opinion).toBe("材料齐全，予以受理");
    expect(
      d!.documents
        .filter((x) => x.group === "attachment")
        .map((x) => x.label)
        .sort(),
    ).toEqual(["劳动合同扫描件", "执业资格证书扫描件", "盖章申请表扫描件", "身份证件扫描件"].sort());
    expect(await applicationDetail(db, "not-a-uuid")).toBeNull();
  });

  const title2 =
    "W4: the reviewer sees the applicant's 补正 uploads labelled in Chinese (no internal codes such as " +
    "correction)";
  it(title2, async () => {
    process.env.PORTAL_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "portal-queues-"));
    const rev = await reviewer(db, "sh_reviewer");
    const asked = await requestCorrection(db, rev, {
      applicationId: c.applicationId,
      version: c.version,
      content: "补充社保证明",
      reason: "近6个月社保缴纳证明缺失",
    });
    const scan = await sharp({ create: { width: 600, height: 800, channels: 3, background: "#eeeeee" } })
      .jpeg()
      .toBuffer();
    const up = await uploadFile(db, c.who, {
      kind: "correction",
      programCode: "cost2-sh",
      fileName: "社保证明.jpg",
      bytes: scan,
      applicationId: c.applicationId,
      purpose: "correction",
    });
    const answered = await answerCorrection(db, c.who, {
      applicationId: c.applicationId,
      version: asked.application.version,
      fileIds: [up.fileId],
    });
    c.version = answered.application.version;
    // W4: the answer keeps its uploads in the same transaction as the state change (before, the action did it after).
    const [kept] = await db
      .select({ state: s.files.state, applicationId: s.files.applicationId })
      .from(s.files)
      .where(eq(s.files.id, up.fileId));
    expect(kept).toEqual({ state: "kept", applicationId: c.applicationId });

    const d = await applicationDetail(db, c.applicationId);
    expect(d!.documents.filter((x) => x.group === "correction").map((x) => x.label)).toEqual(["补正材料"]);
    for (const doc of d!.documents) expect(doc.label, "a document label a reviewer reads").not.toMatch(/[A-Za-z]/);
  });
});

describe("W2 in 待企业确认", () => {
  it("W2: a withdrawal waiting for the employer's consent is listed with the pending signatures", async () => {
    const BJ_EMPLOYER = "91110000MA00B00030";
    const who = await freshApplicant(db, {
      programCode: "architect1",
      specialty: "architecture",
      employerUscc: BJ_EMPLOYER,
      provinceCode: "11",
      name: `${TAG}丁`,
    });
    const f = await filedInitialApplication(db, who, "architect1", "architecture");
    const emp = await employer(db, BJ_EMPLOYER);
    const c1 = await countersignApplication(db, emp, {
      applicationId: f.applicationId,
      version: f.version,
      opinionTicked: true,
    });
    const { withdrawApplication } = await import("@/lib/services/applications/withdraw-application");
    const w = await withdrawApplication(db, who, { applicationId: f.applicationId, version: c1.application.version });
    expect(w.application.status).toBe("withdrawal_requested");
    const page = await employerPendingPage(db, emp.employerId!, { name: TAG }, null);
    expect(page.rows.map((r) => [r.id, r.status])).toEqual([[f.applicationId, "withdrawal_requested"]]);
    expect(page.rows[0]!.statusLabel).toContain("撤回待单位同意");
  });
});
