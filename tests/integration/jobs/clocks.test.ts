import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { addDays, addMonths } from "@/lib/domain/dates";
import { addWorkingDays } from "@/lib/domain/working-days";
import { chinaDate } from "@/lib/server/clock";
import { storeBytes } from "@/lib/server/storage";
import { acceptApplication } from "@/lib/services/applications/accept-application";
import { correctDuringNotice } from "@/lib/services/applications/correct-during-notice";
import { countersignApplication } from "@/lib/services/applications/countersign-application";
import { forwardApplication } from "@/lib/services/applications/forward-application";
import { publishNotice } from "@/lib/services/applications/publish-notice";
import { requestCorrection } from "@/lib/services/applications/request-correction";
import { concludeEndedNotices } from "@/lib/services/jobs/conclude-ended-notices";
import { expireCorrections } from "@/lib/services/jobs/expire-corrections";
import { sendExpiryReminders } from "@/lib/services/jobs/send-expiry-reminders";
import { sweepHousekeeping } from "@/lib/services/jobs/sweep-housekeeping";
import { publishNoticeBatch } from "@/lib/services/notices/publish-notice-batch";
import { applicantApplication } from "@/lib/queries/applicant-applications";
import { reviewQueuePage } from "@/lib/queries/review-queues";
import { employer, reviewer } from "../support/actors";
import { testDb } from "../support/db";
import { filedInitialApplication, freshApplicant } from "../engine/fixtures";

const SH_EMPLOYER = "91310000MA1FL0001R";
const DAY = 86_400_000;
let db: Database;
let dataDir: string;
const previousDataDir = process.env.PORTAL_DATA_DIR;

/** Noon China time on an ISO date, so chinaDate(at(d)) === d. */
const at = (isoDate: string) => new Date(`${isoDate}T04:00:00Z`);

beforeAll(() => {
  db = testDb();
  // Housekeeping walks the store: never let it near a developer's .data/files.
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jobs-it-"));
  process.env.PORTAL_DATA_DIR = dataDir;
});
afterAll(() => {
  if (previousDataDir === undefined) delete process.env.PORTAL_DATA_DIR;
  else process.env.PORTAL_DATA_DIR = previousDataDir;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function filedAndCountersigned() {
  const who = await freshApplicant(db, {
    programCode: "cost1",
    specialty: "1",
    employerUscc: SH_EMPLOYER,
    provinceCode: "31",
  });
  const f = await filedInitialApplication(db, who, "cost1", "1");
  const v = (
    await countersignApplication(db, await employer(db, SH_EMPLOYER), {
      applicationId: f.applicationId,
      version: f.version,
      opinionTicked: true,
    })
  ).application.version;
  return { who, applicationId: f.applicationId, version: v };
}

async function publicized(outcome: "pass" | "fail") {
  const f = await filedAndCountersigned();
  const sh = await reviewer(db, "sh_reviewer");
  let v = (await acceptApplication(db, sh, { applicationId: f.applicationId, version: f.version })).application.version;
  v = (await forwardApplication(db, sh, { applicationId: f.applicationId, version: v })).application.version;
  const mo = await reviewer(db, "mohurd_reviewer");
  v = (await acceptApplication(db, mo, { applicationId: f.applicationId, version: v })).application.version;
  await publishNotice(db, mo, {
    applicationId: f.applicationId,
    version: v,
    outcome,
    reasons: outcome === "fail" ? ["业绩证明不足"] : undefined,
  });
  return f;
}

const appRow = async (id: string) => (await db.select().from(s.applications).where(eq(s.applications.id, id)))[0]!;

describe("公示 end job", () => {
  const title1 =
    "W6: after the batch's last day its 公示中 applications conclude as the system, once; others are left " + "alone";
  it(title1, async () => {
    const pass = (await publicized("pass")).applicationId;
    const fail = (await publicized("fail")).applicationId;
    const corrected = await publicized("fail");
    const held = corrected.applicationId;
    const today = chinaDate(new Date());
    const mo = await reviewer(db, "mohurd_reviewer");
    await publishNoticeBatch(db, mo, {
      title: "公示期满自动办结测试",
      endsOn: today,
      applicationIds: [pass, fail, held],
    });
    // Corrected during the period (公示期补正, `000` §三.1(9)): back under review, not the job's to conclude.
    const [proof] = await db
      .insert(s.files)
      .values({
        kind: "correction",
        ownerPersonId: corrected.who.personId!,
        applicationId: held,
        mimeType: "image/jpeg",
        byteSize: 1,
        sha256: "0".repeat(64),
        storageKey: `fx/${held}/correction`,
        state: "kept",
      })
      .returning({ id: s.files.id });
    await correctDuringNotice(db, corrected.who, {
      applicationId: held,
      version: (await appRow(held)).version,
      fileIds: [proof!.id],
    });

    // On the last day itself nothing happens: the 公示 period is still running.
    const sameDay = await concludeEndedNotices(db, at(today));
    expect((await appRow(pass)).status).toBe("publicized");
    expect(sameDay.concluded).toBe(0);

    const nextDay = at(addDays(today, 1));
    const first = await concludeEndedNotices(db, nextDay);
    expect(first.concluded).toBeGreaterThanOrEqual(2);
    expect((await appRow(pass)).status).toBe("approved");
    expect((await appRow(fail)).status).toBe("rejected");
    expect((await appRow(fail)).rejectionReasons).toEqual(["业绩证明不足"]);
    expect((await appRow(held)).status).toBe("under_review");
    const [event] = await db
      .select()
      .from(s.applicationEvents)
      .where(eq(s.applicationEvents.applicationId, pass))
      .orderBy(desc(s.applicationEvents.id))
      .limit(1);
    expect(event!.actorKind).toBe("system");
    expect(event!.action).toBe("conclude");

    // A retry, or the same schedule on a second node, finds nothing left to do.
    const again = await concludeEndedNotices(db, nextDay);
    expect(again.concluded).toBe(0);
    const events = await db
      .select()
      .from(s.applicationEvents)
      .where(and(eq(s.applicationEvents.applicationId, pass), eq(s.applicationEvents.action, "conclude")));
    expect(events).toHaveLength(1);
  });
});

describe("补正 deadline job", () => {
  const title2 =
    "W4: the request carries a deadline; the applicant is reminded once before it and 不予注册 follows when it " +
    "passes";
  it(title2, async () => {
    const f = await filedAndCountersigned();
    const sh = await reviewer(db, "sh_reviewer");
    const requestedAt = new Date();
    await requestCorrection(
      db,
      sh,
      { applicationId: f.applicationId, version: f.version, content: "补充社保证明", reason: "请补正社保缴纳证明" },
      requestedAt,
    );
    const due = addDays(chinaDate(requestedAt), 30);
    expect((await appRow(f.applicationId)).correctionDueOn).toBe(due);

    expect((await expireCorrections(db, at(addDays(due, -6)))).reminded).toBe(0);
    const reminded = await expireCorrections(db, at(addDays(due, -5)));
    expect(reminded.reminded).toBe(1);
    expect((await expireCorrections(db, at(addDays(due, -2)))).reminded).toBe(0);
    const msgs = await db
      .select()
      .from(s.messages)
      .where(and(eq(s.messages.recipientUserId, f.who.userId), eq(s.messages.title, `请于${due}前提交补正材料`)));
    expect(msgs).toHaveLength(1);
    const [person] = await db.select().from(s.people).where(eq(s.people.id, f.who.personId!));
    const sms = await db.select().from(s.smsOutbox).where(eq(s.smsOutbox.phone, person!.phone));
    expect(sms.some((m) => m.body.includes(`补正期限为 ${due}`))).toBe(true);

    // On the deadline day the applicant can still answer; the day after, the system decides.
    await expireCorrections(db, at(due));
    expect((await appRow(f.applicationId)).status).toBe("correction_requested");
    await expireCorrections(db, at(addDays(due, 1)));
    const after = await appRow(f.applicationId);
    expect(after.status).toBe("rejected");
    expect(after.rejectionReasons).toEqual([`逾期未补正（补正期限 ${due}）`]);
    expect(after.correctionDueOn).toBeNull();
  });
});

describe("expected decision date", () => {
  const title3 =
    "受理 stamps the date 20 working days later (holiday calendar); the reviewer's queue shows days left and filters " +
    "超期";
  it(title3, async () => {
    const sh = await reviewer(db, "sh_reviewer");
    const onTime = await filedAndCountersigned();
    const late = await filedAndCountersigned();
    const acceptedAt = new Date();
    await acceptApplication(db, sh, { applicationId: onTime.applicationId, version: onTime.version }, acceptedAt);
    await acceptApplication(db, sh, { applicationId: late.applicationId, version: late.version }, acceptedAt);
    const expected = addWorkingDays(chinaDate(acceptedAt), 20);
    expect((await appRow(onTime.applicationId)).expectedDecisionOn).toBe(expected);
    // The late one was accepted long ago.
    await db
      .update(s.applications)
      .set({ expectedDecisionOn: addDays(chinaDate(acceptedAt), -10) })
      .where(eq(s.applications.id, late.applicationId));

    const all = await reviewQueuePage(db, sh.authorityId!, "reviewing", {});
    const onTimeRow = all.rows.find((r) => r.id === onTime.applicationId)!;
    expect(onTimeRow.decisionDaysLeft).toBe(20);
    expect(all.rows.find((r) => r.id === late.applicationId)!.decisionDaysLeft).toBeLessThan(0);
    const overdue = await reviewQueuePage(db, sh.authorityId!, "reviewing", { overdue: "1" });
    expect(overdue.rows.map((r) => r.id)).toContain(late.applicationId);
    expect(overdue.rows.map((r) => r.id)).not.toContain(onTime.applicationId);
    expect(overdue.rows.every((r) => (r.decisionDaysLeft ?? 0) < 0)).toBe(true);

    // The applicant sees the same date on the application.
    const mine = await applicantApplication(db, onTime.who.personId!, onTime.applicationId);
    expect(mine!.expectedDecision).toEqual({ on: expected, workingDaysLeft: 20 });
  });
});

describe("expiry reminders job", () => {
  async function registrationExpiring(validTo: string) {
    const who = await freshApplicant(db, {
      programCode: "cost2-sh",
      specialty: "1",
      employerUscc: SH_EMPLOYER,
      provinceCode: "31",
    });
    const [auth] = await db.select().from(s.authorities).limit(1);
    const [reg] = await db
      .insert(s.registrations)
      .values({
        personId: who.personId!,
        programCode: "cost2-sh",
        specialtyCode: "1",
        registrationNo: `测试${Date.now()}${Math.random()}`.slice(0, 40),
        sealNo: "S-TEST",
        employerName: "上海建科造价咨询有限公司",
        issuingAuthorityId: auth!.id,
        validFrom: addMonths(validTo, -48),
        validTo,
        status: "active",
      })
      .returning();
    return { who, reg: reg! };
  }

  const remindersOf = (userId: string) =>
    db
      .select()
      .from(s.messages)
      .where(and(eq(s.messages.recipientUserId, userId)));

  const title4 =
    "6 months, 3 months and 30 days before expiry, once each, to 我的消息 and by SMS; the text says when 延续注册 " +
    "opens";
  it(title4, async () => {
    const validTo = "2030-06-30";
    const { who, reg } = await registrationExpiring(validTo);
    await sendExpiryReminders(db, at("2029-12-29"));
    expect(await remindersOf(who.userId)).toHaveLength(0);
    await sendExpiryReminders(db, at("2029-12-30"));
    await sendExpiryReminders(db, at("2029-12-31"));
    let msgs = await remindersOf(who.userId);
    expect(msgs).toHaveLength(1);
    expect(msgs[0]!.body).toContain(reg.registrationNo);
    expect(msgs[0]!.body).toContain("2030-06-30");
    expect(msgs[0]!.body).toContain("自 2030-05-31 起可以申请延续注册"); // 上海二造: window opens 30 days before
    await sendExpiryReminders(db, at("2030-03-30"));
    await sendExpiryReminders(db, at("2030-05-31"));
    await sendExpiryReminders(db, at("2030-06-01"));
    msgs = await remindersOf(who.userId);
    expect(msgs).toHaveLength(3);
    const [person] = await db.select().from(s.people).where(eq(s.people.id, who.personId!));
    const sms = await db.select().from(s.smsOutbox).where(eq(s.smsOutbox.phone, person!.phone));
    expect(sms.filter((m) => m.body.includes(reg.registrationNo))).toHaveLength(3);
  });

  it("two runs at once (two nodes) send each reminder once", async () => {
    const { who } = await registrationExpiring("2030-09-30");
    await Promise.all([sendExpiryReminders(db, at("2030-04-01")), sendExpiryReminders(db, at("2030-04-01"))]);
    expect(await remindersOf(who.userId)).toHaveLength(1);
  });
});

describe("housekeeping job", () => {
  const title5 =
    "sweeps expired codes, past rate-limit rows and day-old stored files no row references; keeps the " + "rest";
  it(title5, async () => {
    const now = new Date();
    const [account] = await db.select().from(s.userAccounts).limit(1);
    const [oldCode] = await db
      .insert(s.oneTimeCodes)
      .values({
        purpose: "sign",
        accountId: account!.id,
        codeHash: "x".repeat(64),
        expiresAt: new Date(now.getTime() - 8 * DAY),
      })
      .returning();
    const [freshCode] = await db
      .insert(s.oneTimeCodes)
      .values({
        purpose: "sign",
        accountId: account!.id,
        codeHash: "y".repeat(64),
        expiresAt: new Date(now.getTime() + 600_000),
      })
      .returning();
    await db.insert(s.rateLimits).values([
      { key: `it-old-${now.getTime()}`, points: 3, expire: now.getTime() - 1000 },
      { key: `it-live-${now.getTime()}`, points: 3, expire: now.getTime() + 3 * DAY },
    ]);
    const orphan = await storeBytes(Buffer.from("无人引用"));
    const kept = await storeBytes(Buffer.from("有记录引用"));
    await db.insert(s.files).values({
      kind: "scan",
      mimeType: "text/plain",
      byteSize: 5,
      sha256: kept.sha256,
      storageKey: kept.storageKey,
      state: "kept",
    });

    // Today everything is too young to be an orphan: a file is stored before its row commits.
    expect((await sweepHousekeeping(db, now)).orphanFiles).toBe(0);
    const later = new Date(now.getTime() + 2 * DAY);
    const out = await sweepHousekeeping(db, later);
    expect(out.orphanFiles).toBe(1);
    expect(fs.existsSync(path.join(dataDir, "files", orphan.storageKey))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, "files", kept.storageKey))).toBe(true);
    const codes = await db.select({ id: s.oneTimeCodes.id }).from(s.oneTimeCodes);
    expect(codes.map((c) => c.id)).not.toContain(oldCode!.id);
    expect(codes.map((c) => c.id)).toContain(freshCode!.id);
    const limits = (await db.select().from(s.rateLimits)).map((r) => r.key);
    expect(limits).toContain(`it-live-${now.getTime()}`);
    expect(limits).not.toContain(`it-old-${now.getTime()}`);
    expect((await sweepHousekeeping(db, later)).orphanFiles).toBe(0);
  });

  const title6 =
    "sweeps every kind of expired rate_limits row — used captchas, look-up windows, sign-in counters and locks — " +
    "and keeps live ones";
  it(title6, async () => {
    const now = new Date();
    const t = now.getTime();
    const dead = [
      `captcha-used:it-${t}`,
      `verify:ip:it-${t}`,
      `login:ip:it-${t}`,
      `lock:login:ip:it-${t}`,
      `code:ip:it-${t}`,
    ];
    const live = [`captcha-used:it-live-${t}`, `verify:ip:it-live-${t}`];
    await db.insert(s.rateLimits).values([
      // One row expires exactly now: every limiter already treats it as over, so it must go too.
      ...dead.map((key, i) => ({ key, points: 1, expire: i === 0 ? t : t - 1000 * (i + 1) })),
      ...live.map((key) => ({ key, points: 1, expire: t + 60_000 })),
    ]);
    const out = await sweepHousekeeping(db, now);
    expect(out.rateLimits).toBeGreaterThanOrEqual(dead.length);
    const keys = (await db.select({ key: s.rateLimits.key }).from(s.rateLimits)).map((r) => r.key);
    for (const key of dead) expect(keys).not.toContain(key);
    for (const key of live) expect(keys).toContain(key);
  });
});
