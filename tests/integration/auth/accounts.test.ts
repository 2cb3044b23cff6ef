import { randomBytes } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../support/db";
import type { Database } from "@/db/client";
import { messages, oneTimeCodes, people, securityEvents, smsOutbox, userAccounts } from "@/db/schema";
import { verifyCaptcha } from "@/lib/server/captcha";
import { captcha, solvedCaptchaPayload } from "../support/captcha";
import { accountKey, resetAccountThrottle } from "@/lib/server/login-throttle";
import { hashPassword } from "@/lib/server/password";
import { OutboxSmsProvider } from "@/lib/server/sms";
import { getAuthOptions } from "@/lib/server/auth";
import { signIn } from "@/lib/services/accounts/sign-in";
import { CODE_REQUEST_ACCEPTED, sendPasswordCode } from "@/lib/services/accounts/send-password-code";
import { codeRequestNeedsCaptcha } from "@/lib/server/login-throttle";
import { activateAccount } from "@/lib/services/accounts/activate-account";
import { resetPassword } from "@/lib/services/accounts/reset-password";
import { changePassword } from "@/lib/services/accounts/change-password";
import { markMessagesRead } from "@/lib/services/messages/mark-messages-read";
import { updateContactDetails } from "@/lib/services/people/update-contact-details";

let db: Database;
/** A solved payload with one digit of the derived key changed: the proof of work no longer checks out. */
const tampered = (payload: string) => {
  const p = JSON.parse(Buffer.from(payload, "base64").toString());
  p.solution.derivedKey = (p.solution.derivedKey[0] === "0" ? "1" : "0") + p.solution.derivedKey.slice(1);
  return Buffer.from(JSON.stringify(p)).toString("base64");
};
const tag = randomBytes(4).toString("hex").toUpperCase();
const ip = (n: number) => `198.51.100.${n}-${tag}`;

/** A person + applicant account of our own, so the tests never disturb the seeded demo accounts. */
async function makeApplicant(opts: { password?: string; phone: string }) {
  const idNumber = `T${tag}${randomBytes(3).toString("hex").toUpperCase()}`;
  const [person] = await db
    .insert(people)
    .values({
      name: "测试人员",
      gender: "male",
      birthDate: "1990-01-01",
      idType: "passport",
      idNumber,
      phone: opts.phone,
    })
    .returning();
  const loginName = `passport:${idNumber}`;
  const [account] = await db
    .insert(userAccounts)
    .values({
      role: "applicant",
      loginName,
      displayName: "测试人员",
      personId: person!.id,
      passwordHash: opts.password ? await hashPassword(opts.password) : null,
    })
    .returning();
  return { person: person!, account: account!, loginName };
}

async function latestCode(phone: string): Promise<string> {
  const [row] = await db
    .select()
    .from(smsOutbox)
    .where(eq(smsOutbox.phone, phone))
    .orderBy(desc(smsOutbox.id))
    .limit(1);
  const code = row?.body.match(/\d{6}/)?.[0];
  if (!code) throw new Error(`no code for ${phone}`);
  return code;
}

async function latestText(phone: string): Promise<string> {
  const [row] = await db
    .select()
    .from(smsOutbox)
    .where(eq(smsOutbox.phone, phone))
    .orderBy(desc(smsOutbox.id))
    .limit(1);
  return row?.body ?? "";
}

beforeAll(() => {
  db = testDb();
});

describe("sign-in", () => {
  it("signs in a seeded applicant and records login_ok", async () => {
    const res = await signIn(db, {
      kind: "applicant",
      loginName: "resident_id:310101198803150012",
      password: "Demo2026!",
      ip: ip(1),
    });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.account.displayName).toBe("王堃");
    expect(res.account.role).toBe("applicant");
    const [ev] = await db
      .select()
      .from(securityEvents)
      .where(and(eq(securityEvents.accountId, res.account.id), eq(securityEvents.kind, "login_ok")))
      .orderBy(desc(securityEvents.id))
      .limit(1);
    expect(ev?.ip).toBe(ip(1));
  });

  it("signs in staff by user name and employers by USCC", async () => {
    const r = await signIn(db, { kind: "staff", loginName: "sh_reviewer", password: "Demo2026!", ip: ip(2) });
    expect(r.ok && r.account.role).toBe("reviewer");
    const a = await signIn(db, { kind: "staff", loginName: "admin", password: "Demo2026!", ip: ip(2) });
    expect(a.ok && a.account.role).toBe("admin");
    const e = await signIn(db, { kind: "employer", loginName: "91310000MA1FL0001R", password: "Demo2026!", ip: ip(2) });
    expect(e.ok && e.account.role).toBe("employer");
    // An applicant's id number is not a staff user name.
    const x = await signIn(db, {
      kind: "staff",
      loginName: "resident_id:310101198803150012",
      password: "Demo2026!",
      ip: ip(2),
    });
    expect(x.ok).toBe(false);
  });

  it("gives the same message for a wrong password and an unknown account", async () => {
    const wrong = await signIn(db, {
      kind: "applicant",
      loginName: "resident_id:310115198509100039",
      password: "nope",
      ip: ip(3),
    });
    const unknown = await signIn(db, {
      kind: "applicant",
      loginName: "resident_id:110101199001011237",
      password: "nope",
      ip: ip(4),
    });
    expect(wrong.ok || unknown.ok).toBe(false);
    if (wrong.ok || unknown.ok) return;
    expect(wrong.message).toBe(unknown.message);
    expect(wrong.message).toMatch(/证件号码或密码不正确/);
    await resetAccountThrottle(db, accountKey("applicant", "resident_id:310115198509100039"));
  });

  it("requires a captcha after 3 failures, locks after 5 with growing back-off, and resets on success", async () => {
    const { loginName } = await makeApplicant({ password: "Right1234", phone: "13700000001" });
    const t0 = new Date();
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    const base = { kind: "applicant" as const, loginName };
    // Each attempt from its own IP, so only the per-account counter is at work.
    for (let i = 1; i <= 2; i++) {
      const r = await signIn(db, { ...base, password: "bad", ip: ip(10 + i), now: at(i) });
      expect(r.ok || r.captchaRequired).toBe(false);
    }
    const third = await signIn(db, { ...base, password: "bad", ip: ip(13), now: at(3) });
    expect(!third.ok && third.captchaRequired).toBe(true);

    // Without a captcha even the right password is refused (and does not count as a failure).
    const noCaptcha = await signIn(db, { ...base, password: "Right1234", ip: ip(14), now: at(4) });
    expect(!noCaptcha.ok && noCaptcha.reason).toBe("captcha");
    const wrongCaptcha = await signIn(db, {
      ...base,
      password: "Right1234",
      ip: ip(14),
      now: at(4),
      captchaAnswer: tampered(await solvedCaptchaPayload(at(4))),
    });
    expect(!wrongCaptcha.ok && wrongCaptcha.message).toMatch(/人机验证未通过/);

    const fourth = await signIn(db, { ...base, password: "bad", ip: ip(15), now: at(5), ...(await captcha(at(5))) });
    expect(!fourth.ok && fourth.reason).toBe("invalid");
    const fifth = await signIn(db, { ...base, password: "bad", ip: ip(16), now: at(6), ...(await captcha(at(6))) });
    expect(!fifth.ok && fifth.reason).toBe("locked");
    expect(!fifth.ok && fifth.message).toMatch(/约1分钟后/);

    // Locked: even the right password with a good captcha is refused until the lock ends.
    const locked = await signIn(db, {
      ...base,
      password: "Right1234",
      ip: ip(17),
      now: at(30),
      ...(await captcha(at(30))),
    });
    expect(!locked.ok && locked.reason).toBe("locked");

    // After the 1-minute lock a 6th failure locks for 2 minutes.
    const sixth = await signIn(db, { ...base, password: "bad", ip: ip(18), now: at(70), ...(await captcha(at(70))) });
    expect(!sixth.ok && sixth.message).toMatch(/约2分钟后/);

    const ok = await signIn(db, {
      ...base,
      password: "Right1234",
      ip: ip(19),
      now: at(70 + 121),
      ...(await captcha(at(191))),
    });
    expect(ok.ok).toBe(true);
    // Counter reset: a wrong password now is an ordinary first failure.
    const again = await signIn(db, { ...base, password: "bad", ip: ip(20), now: at(200) });
    expect(!again.ok && again.captchaRequired).toBe(false);
  });

  it("requires a captcha from an IP after 3 failures there, whatever the account", async () => {
    const shared = ip(30);
    for (const n of ["A", "B", "C"]) {
      await signIn(db, { kind: "staff", loginName: `nobody_${tag}_${n}`, password: "x", ip: shared });
    }
    const r = await signIn(db, { kind: "staff", loginName: "zj_reviewer", password: "Demo2026!", ip: shared });
    expect(!r.ok && r.reason).toBe("captcha");
    const withCaptcha = await signIn(db, {
      kind: "staff",
      loginName: "zj_reviewer",
      password: "Demo2026!",
      ip: shared,
      ...(await captcha()),
    });
    expect(withCaptcha.ok).toBe(true);
  });

  it("refuses a disabled account with a clear message", async () => {
    const { account, loginName } = await makeApplicant({ password: "Right1234", phone: "13700000002" });
    await db.update(userAccounts).set({ disabled: true }).where(eq(userAccounts.id, account.id));
    const r = await signIn(db, { kind: "applicant", loginName, password: "Right1234", ip: ip(31) });
    expect(!r.ok && r.reason).toBe("disabled");
  });

  it("uses a captcha only once", async () => {
    const payload = await solvedCaptchaPayload();
    expect(await verifyCaptcha(db, payload)).toBe("ok");
    expect(await verifyCaptcha(db, payload)).toBe("expired");
  });
});

describe("获取密码 (activation) with an SMS code", () => {
  it("texts a code to the phone on record, then sets the password", async () => {
    const phone = "13700000003";
    const { account, loginName } = await makeApplicant({ phone });
    const sms = new OutboxSmsProvider(db);
    const sent = await sendPasswordCode(db, sms, {
      purpose: "activate",
      kind: "applicant",
      loginName,
      ip: ip(40),
      ...(await captcha()),
    });
    expect(sent).toEqual({ ok: true, notice: CODE_REQUEST_ACCEPTED });
    const code = await latestCode(phone);
    const [stored] = await db.select().from(oneTimeCodes).where(eq(oneTimeCodes.accountId, account.id));
    expect(stored?.codeHash).not.toContain(code);

    // Resend is throttled for 60 s: the same answer, but no second text.
    const resend = await sendPasswordCode(db, sms, {
      purpose: "activate",
      kind: "applicant",
      loginName,
      ip: ip(40),
      ...(await captcha()),
    });
    expect(resend).toEqual({ ok: true, notice: CODE_REQUEST_ACCEPTED });
    expect(await latestCode(phone)).toBe(code);

    const wrong = await activateAccount(db, {
      loginName,
      code: code === "000000" ? "111111" : "000000",
      password: "NewPass123",
      ip: ip(40),
    });
    expect(!wrong.ok && wrong.error).toMatch(/还可尝试4次/);

    const ok = await activateAccount(db, { loginName, code, password: "NewPass123", ip: ip(40) });
    expect(ok).toEqual({ ok: true });
    const signedIn = await signIn(db, { kind: "applicant", loginName, password: "NewPass123", ip: ip(40) });
    expect(signedIn.ok).toBe(true);

    // The code is single-use, and an activated account cannot be activated again.
    const replay = await activateAccount(db, { loginName, code, password: "Other1234", ip: ip(40) });
    expect(replay.ok).toBe(false);
    // An activated account asking again: the same answer; only its phone is told to sign in or use 找回密码.
    const again = await sendPasswordCode(db, sms, {
      purpose: "activate",
      kind: "applicant",
      loginName,
      ip: ip(40),
      now: new Date(Date.now() + 61_000),
      ...(await captcha()),
    });
    expect(again).toEqual({ ok: true, notice: CODE_REQUEST_ACCEPTED });
    expect(await latestText(phone)).toMatch(/已设置过登录密码/);
  });

  it("works for the seeded not-yet-activated applicant 周昇 (restored afterwards)", async () => {
    const loginName = "resident_id:310104199201010059";
    const sent = await sendPasswordCode(db, new OutboxSmsProvider(db), {
      purpose: "activate",
      kind: "applicant",
      loginName,
      ip: ip(41),
      ...(await captcha()),
    });
    expect(sent).toEqual({ ok: true, notice: CODE_REQUEST_ACCEPTED });
    const ok = await activateAccount(db, {
      loginName,
      code: await latestCode("13800000007"),
      password: "Zhou2026ok",
      ip: ip(41),
    });
    expect(ok.ok).toBe(true);
    await db.update(userAccounts).set({ passwordHash: null }).where(eq(userAccounts.loginName, loginName));
  });

  it("stops accepting a code after 5 wrong guesses and when it expired", async () => {
    const phone = "13700000004";
    const { loginName } = await makeApplicant({ phone });
    const t0 = new Date();
    await sendPasswordCode(db, new OutboxSmsProvider(db), {
      purpose: "activate",
      kind: "applicant",
      loginName,
      ip: ip(42),
      now: t0,
      ...(await captcha(t0)),
    });
    const code = await latestCode(phone);
    const wrongCode = code === "999999" ? "888888" : "999999";
    for (let i = 0; i < 5; i++)
      await activateAccount(db, { loginName, code: wrongCode, password: "NewPass123", ip: ip(42), now: t0 });
    const blocked = await activateAccount(db, { loginName, code, password: "NewPass123", ip: ip(42), now: t0 });
    expect(!blocked.ok && blocked.error).toMatch(/输错次数过多/);

    const t1 = new Date(t0.getTime() + 61_000);
    await sendPasswordCode(db, new OutboxSmsProvider(db), {
      purpose: "activate",
      kind: "applicant",
      loginName,
      ip: ip(42),
      now: t1,
      ...(await captcha(t1)),
    });
    const fresh = await latestCode(phone);
    const late = await activateAccount(db, {
      loginName,
      code: fresh,
      password: "NewPass123",
      ip: ip(42),
      now: new Date(t1.getTime() + 11 * 60_000),
    });
    expect(!late.ok && late.error).toMatch(/已失效/);
  });

  it("V2.5.2 answers an unknown identity exactly like a known one", async () => {
    const r = await sendPasswordCode(db, new OutboxSmsProvider(db), {
      purpose: "activate",
      kind: "applicant",
      loginName: `passport:NOPE${tag}`,
      ip: ip(43),
      ...(await captcha()),
    });
    expect(r).toEqual({ ok: true, notice: CODE_REQUEST_ACCEPTED });
  });

  it("V2.2.1 asks for the 人机验证 from the 3rd code request per IP", async () => {
    const req = (extra: object = {}) =>
      sendPasswordCode(db, new OutboxSmsProvider(db), {
        purpose: "activate",
        kind: "applicant",
        loginName: `passport:NOPE${tag}`,
        ip: ip(44),
        ...extra,
      });
    expect(await codeRequestNeedsCaptcha(db, ip(44))).toBe(false);
    expect((await req()).ok).toBe(true); // no captcha needed yet
    await req();
    expect(await codeRequestNeedsCaptcha(db, ip(44))).toBe(true);
    const third = await req();
    expect(!third.ok && third.captchaRequired).toBe(true);
    expect(!third.ok && third.error).toMatch(/人机验证/);
    const withCaptcha = await req(await captcha());
    expect(withCaptcha.ok).toBe(true);
  });
});

describe("找回密码 (reset) and 修改密码 (change)", () => {
  it("resets a forgotten password by SMS, lifting a sign-in lock", async () => {
    const phone = "13700000005";
    const { loginName } = await makeApplicant({ password: "Old12345", phone });
    const t0 = new Date();
    for (let i = 0; i < 5; i++) {
      await signIn(db, {
        kind: "applicant",
        loginName,
        password: "bad",
        ip: ip(50 + i),
        now: t0,
        ...(await captcha(t0)),
      });
    }
    const locked = await signIn(db, {
      kind: "applicant",
      loginName,
      password: "Old12345",
      ip: ip(56),
      now: t0,
      ...(await captcha(t0)),
    });
    expect(!locked.ok && locked.reason).toBe("locked");

    const sent = await sendPasswordCode(db, new OutboxSmsProvider(db), {
      purpose: "reset_password",
      kind: "applicant",
      loginName,
      ip: ip(57),
      ...(await captcha()),
    });
    expect(sent.ok).toBe(true);
    const res = await resetPassword(db, {
      kind: "applicant",
      loginName,
      code: await latestCode(phone),
      password: "Reset1234",
      ip: ip(57),
    });
    expect(res.ok).toBe(true);
    expect((await signIn(db, { kind: "applicant", loginName, password: "Reset1234", ip: ip(58) })).ok).toBe(true);
    expect((await signIn(db, { kind: "applicant", loginName, password: "Old12345", ip: ip(59) })).ok).toBe(false);
  });

  const title1 =
    "reset for an account that never had a password: the usual answer, and its phone is told to use " + "获取密码";
  it(title1, async () => {
    const { loginName } = await makeApplicant({ phone: "13700000006" });
    const r = await sendPasswordCode(db, new OutboxSmsProvider(db), {
      purpose: "reset_password",
      kind: "applicant",
      loginName,
      ip: ip(60),
      ...(await captcha()),
    });
    expect(r).toEqual({ ok: true, notice: CODE_REQUEST_ACCEPTED });
    expect(await latestText("13700000006")).toMatch(/请在登录页使用“获取密码”/);
  });

  it("change-password bumps the session generation so older sessions are refused", async () => {
    const { account, loginName } = await makeApplicant({ password: "Old12345", phone: "13700000007" });
    const signed = await signIn(db, { kind: "applicant", loginName, password: "Old12345", ip: ip(61) });
    if (!signed.ok) throw new Error("sign-in failed");
    const oldToken = {
      sub: account.id,
      role: "applicant" as const,
      gen: signed.account.sessionGeneration,
      name: "测试人员",
      authAt: Date.now(),
    };
    const jwt = getAuthOptions().callbacks!.jwt!;
    const call = (token: typeof oldToken) => jwt({ token, user: undefined as never, account: null });
    await expect(call(oldToken)).resolves.toMatchObject({ sub: account.id });

    const wrong = await changePassword(db, {
      accountId: account.id,
      oldPassword: "nope",
      newPassword: "New12345",
      ip: ip(61),
    });
    expect(!wrong.ok && wrong.error).toBe("原密码不正确，请重新输入。");

    const changed = await changePassword(db, {
      accountId: account.id,
      oldPassword: "Old12345",
      newPassword: "New12345",
      ip: ip(61),
    });
    expect(changed).toEqual({ ok: true, sessionGeneration: signed.account.sessionGeneration + 1 });
    await expect(call(oldToken)).rejects.toThrow();
    await expect(call({ ...oldToken, gen: signed.account.sessionGeneration + 1 })).resolves.toMatchObject({
      sub: account.id,
    });

    const [ev] = await db
      .select()
      .from(securityEvents)
      .where(and(eq(securityEvents.accountId, account.id), eq(securityEvents.kind, "password_changed")));
    expect(ev).toBeTruthy();
    // A disabled account's sessions end too.
    await db.update(userAccounts).set({ disabled: true }).where(eq(userAccounts.id, account.id));
    await expect(call({ ...oldToken, gen: signed.account.sessionGeneration + 1 })).rejects.toThrow();
  });
});

describe("applicant self-service", () => {
  it("updates phone and address (N1) and marks only own messages read", async () => {
    const { person, account } = await makeApplicant({ password: "Old12345", phone: "13700000008" });
    const res = await updateContactDetails(db, {
      accountId: account.id,
      personId: person.id,
      phone: "13700000018",
      address: "上海市测试路1号",
    });
    expect(res.ok).toBe(true);
    const [p] = await db.select().from(people).where(eq(people.id, person.id));
    expect(p).toMatchObject({ phone: "13700000018", address: "上海市测试路1号" });

    const other = await makeApplicant({ phone: "13700000009" });
    const [m1] = await db
      .insert(messages)
      .values({ recipientUserId: account.id, title: "受理通知", body: "已受理" })
      .returning();
    const [m2] = await db
      .insert(messages)
      .values({ recipientUserId: other.account.id, title: "别人的", body: "x" })
      .returning();
    expect(await markMessagesRead(db, account.id, [m1!.id, m2!.id])).toBe(1);
    const [still] = await db.select().from(messages).where(eq(messages.id, m2!.id));
    expect(still?.readAt).toBeNull();
  });
});

afterAll(async () => {
  // Leave the seeded accounts usable for other test files.
  for (const [kind, name] of [
    ["applicant", "resident_id:310101198803150012"],
    ["staff", "zj_reviewer"],
  ] as const) {
    await resetAccountThrottle(db, accountKey(kind, name));
  }
});
