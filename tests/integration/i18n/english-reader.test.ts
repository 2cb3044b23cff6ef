import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { addDays } from "@/lib/domain/dates";
import type { Locale } from "@/lib/i18n/locales";
import type { CurrentUser } from "@/lib/server/auth";
import { chinaDate } from "@/lib/server/clock";
import type { Actor } from "@/lib/services/actor";
import { countersignApplication } from "@/lib/services/applications/countersign-application";
import { requestCorrection } from "@/lib/services/applications/request-correction";
import { ServiceError } from "@/lib/services/errors";
import { expireCorrections } from "@/lib/services/jobs/expire-corrections";
import { filedInitialApplication, freshApplicant } from "../engine/fixtures";
import { employer, reviewer } from "../support/actors";
import { testDb } from "../support/db";

/**
 * Issue 14 item 4 (ADR 0010): text is made in the language of whoever reads it. Actions are called as the browser
 * calls them — the exported server action through the real pipeline against the test database — with only the
 * request's session, cookies and cache revalidation stubbed, as they exist only inside a Next.js request.
 */
const request = vi.hoisted(() => ({ user: null as CurrentUser | null, cookie: undefined as string | undefined }));
vi.mock("@/lib/server/auth", () => ({ getCurrentUser: async () => request.user }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "NEXT_LOCALE" && request.cookie ? { value: request.cookie } : undefined),
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { removeRecord, saveRecord } = await import("@/app/applicant/records/actions");
const { startApplication } = await import("@/app/applicant/apply/actions");

const SH = { programCode: "cost1", specialty: "1", employerUscc: "91310000MA1FL0001R", provinceCode: "31" };
const HAN = /[\u4e00-\u9fff]/;

let db: Database;
beforeAll(() => {
  db = testDb();
});

async function applicantReading(locale: Locale): Promise<Actor> {
  const who = await freshApplicant(db, SH);
  await db.update(s.userAccounts).set({ locale }).where(eq(s.userAccounts.id, who.userId));
  request.user = {
    id: who.userId,
    role: "applicant",
    name: who.displayName,
    personId: who.personId!,
    employerId: null,
    authorityId: null,
    locale,
  };
  return { ...who, locale };
}

const futureCourse = {
  category: "required",
  hours: "8",
  courseName: "Cost management",
  trainingDate: "2999-01-01",
  provider: "HKIS",
};

describe("refusals in the actor's language", () => {
  it("an English applicant's refused action says why in English, a Chinese one's in Chinese", async () => {
    await applicantReading("en");
    const en = await saveRecord("ce", null, futureCourse);
    expect(en).toEqual({
      ok: false,
      error: "The training date cannot be later than today.",
      fieldErrors: { trainingDate: "The training date cannot be later than today." },
    });

    await applicantReading("zh-CN");
    const zh = await saveRecord("ce", null, futureCourse);
    expect(zh).toMatchObject({
      ok: false,
      error: "培训日期不能晚于今天。",
      fieldErrors: { trainingDate: "培训日期不能晚于今天。" },
    });
  });

  it("a record that is not the applicant's is 'not found' in their language, with the thing named", async () => {
    await applicantReading("en");
    const res = await removeRecord("work", "00000000-0000-4000-8000-000000000000");
    expect(res).toMatchObject({
      ok: false,
      error:
        "This work history entry does not exist or you do not have access to it. Please go back to the list and " +
        "open it again; if the problem persists, contact the administrator.",
      conflict: true,
    });
  });

  it("an eligibility refusal (lib/domain reasons) is English for an English applicant, Chinese as before", async () => {
    const start = { programCode: SH.programCode, type: "initial", specialtyCode: SH.specialty };
    await applicantReading("en");
    const en = await startApplication(start);
    expect(en).toMatchObject({
      ok: false,
      // Each reason in the words 新增注册申请 shows for it, without its own full stop inside the list.
      error:
        "You cannot file this application: Upload your one-inch photo and handwritten signature under " +
        "\u201cEdit personal information\u201d first.",
    });
    await applicantReading("zh-CN");
    const zh = await startApplication(start);
    expect(zh).toMatchObject({ ok: false, error: "请先在「基本信息修改」中上传一寸照片和手写签名" });
  });

  it("the record forms' field checks (shared with the browser, Chinese) are said in English per field", async () => {
    await applicantReading("en");
    const bad = {
      ...futureCourse,
      courseName: "",
      hours: "500",
      trainingDate: "2026-02-30",
      provider: "p".repeat(101),
    };
    const en = await saveRecord("ce", null, bad);
    expect(en).toMatchObject({
      ok: false,
      error: "Some details are not right. Please correct them as shown and save again.",
      fieldErrors: {
        courseName: "Please fill in the course name.",
        hours: "The hours must be between 1 and 200.",
        trainingDate: "The training date must be a valid date (year-month-day).",
        provider: "The training provider must be at most 100 characters.",
      },
    });
    await applicantReading("zh-CN");
    const zh = await saveRecord("ce", null, bad);
    expect(zh).toMatchObject({
      ok: false,
      fieldErrors: {
        courseName: "请填写课程名称。",
        hours: "学时须在 1–200 之间。",
        provider: "培训机构不能超过100个字。",
      },
    });
  });

  it("the service's error keeps its Chinese message (logs, tests) and renders in any language", async () => {
    const who = await applicantReading("en");
    const { addContinuingEducation } = await import("@/lib/services/records/personal-records");
    const e = await addContinuingEducation(db, who, { ...futureCourse, hours: 8 } as never).catch((x) => x);
    expect(e).toBeInstanceOf(ServiceError);
    expect(e.message).toBe("培训日期不能晚于今天。");
    expect((e as ServiceError).messageIn("en")).toBe("The training date cannot be later than today.");
  });
});

describe("input checks in the reader's language", () => {
  it("a schema's own message is English for an English user and unchanged Chinese for a Chinese one", async () => {
    await applicantReading("en");
    const en = await saveRecord("bogus" as never, null, {});
    expect(en).toMatchObject({
      ok: false,
      error: "The kind of record is not right. Please refresh the page and try again.",
    });
    await applicantReading("zh-CN");
    const zh = await saveRecord("bogus" as never, null, {});
    expect(zh).toMatchObject({ ok: false, error: "记录类型不正确，请刷新页面后重试。" });
  });

  it("text too long and hostile characters: the shared messages, with their numbers, in English", async () => {
    await applicantReading("en");
    const long = await saveRecord("ce", null, { ...futureCourse, courseName: "x".repeat(2001) });
    expect(long).toMatchObject({ ok: false, error: "Please keep this to 2000 characters or fewer and submit again." });
    const hostile = await saveRecord("ce", null, { ...futureCourse, courseName: "a\u0000b" });
    expect(hostile.ok).toBe(false);
    if (!hostile.ok) expect(hostile.error).toMatch(/^This contains characters that cannot be recognised/);
  });

  it("several problems: the summary above the form is English too; zod's own fallback is English", async () => {
    await applicantReading("en");
    const res = await saveRecord("ce", null, {
      ...futureCourse,
      courseName: "x".repeat(2001),
      provider: "y".repeat(2001),
    });
    expect(res).toMatchObject({
      ok: false,
      error: "Some details are not right. Please correct them as shown and submit again.",
      fieldErrors: {
        courseName: "Please keep this to 2000 characters or fewer and submit again.",
        provider: "Please keep this to 2000 characters or fewer and submit again.",
      },
    });
    const wrongType = await saveRecord("ce", null, 42 as never);
    expect(wrongType.ok).toBe(false);
    if (!wrongType.ok)
      expect(wrongType.error).toBe(
        "What was entered cannot be recognised. Please refresh the page and fill it in again.",
      );
  });

  it("without a session, the sign-in prompt follows the language cookie", async () => {
    request.user = null;
    request.cookie = "en";
    const en = await saveRecord("ce", null, futureCourse);
    expect(en).toMatchObject({ ok: false, error: expect.stringMatching(/^Your session has timed out/) });
    request.cookie = undefined;
    const zh = await saveRecord("ce", null, futureCourse);
    expect(zh).toMatchObject({ ok: false, error: expect.stringContaining("登录已超时") });
  });
});

describe("我的消息 and SMS in the recipient's language", () => {
  it("an English applicant's steps and correction reminder (我的消息 and SMS) are English", async () => {
    const who = await applicantReading("en");
    const f = await filedInitialApplication(db, who, SH.programCode, SH.specialty);
    const { version } = (
      await countersignApplication(db, await employer(db, SH.employerUscc), {
        applicationId: f.applicationId,
        version: f.version,
        opinionTicked: true,
      })
    ).application;
    const requestedAt = new Date();
    await requestCorrection(
      db,
      await reviewer(db, "sh_reviewer"),
      { applicationId: f.applicationId, version, content: "补充社保证明", reason: "请补正社保缴纳证明" },
      requestedAt,
    );
    const due = addDays(chinaDate(requestedAt), 30);
    expect((await expireCorrections(db, new Date(`${addDays(due, -5)}T04:00:00Z`))).reminded).toBe(1);

    const messages = await db
      .select()
      .from(s.messages)
      .where(and(eq(s.messages.recipientUserId, who.userId), eq(s.messages.applicationId, f.applicationId)));
    // Each step someone else took, named by the status it led to; the reviewer's words are data, kept as written.
    const titles = messages.map((m) => m.title);
    expect(titles).toContain('Initial registration: now "Awaiting acceptance"');
    expect(titles).toContain('Initial registration: now "Correction requested"');
    const step = messages.find((m) => m.title === 'Initial registration: now "Correction requested"');
    expect(step?.body).toMatch(
      /^Your application for Initial registration \(acceptance no\. [^)]+\): now "Correction requested"\.\nOpinion: /,
    );
    const reminder = messages.find((m) => m.title === `Please submit correction documents by ${due}`);
    expect(reminder?.body).toContain(`needs supplementary documents (correction) by ${due}`);
    for (const m of messages) expect(m.title).not.toMatch(HAN);

    const [person] = await db.select().from(s.people).where(eq(s.people.id, who.personId!));
    const sms = await db.select().from(s.smsOutbox).where(eq(s.smsOutbox.phone, person!.phone));
    const text = sms.find((m) => m.body.includes(due));
    expect(text?.body).toBe(`[Practice Registration Platform] Dear ${person!.name}, ${reminder!.body}`);
  });

  it("the employer reads its own language, not the applicant's", async () => {
    const who = await applicantReading("en");
    const f = await filedInitialApplication(db, who, SH.programCode, SH.specialty);
    const employerActor = await employer(db, SH.employerUscc);
    const [waiting] = await db
      .select()
      .from(s.messages)
      .where(and(eq(s.messages.recipientUserId, employerActor.userId), eq(s.messages.applicationId, f.applicationId)));
    expect(waiting?.title).toMatch(/^测试\d+的初始注册申请待企业签名确认$/);
  });
});
