import { randomBytes } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../support/db";
import type { Database } from "@/db/client";
import { messages, oneTimeCodes, people, securityEvents, smsOutbox, userAccounts } from "@/db/schema";
import { signCaptcha, verifyCaptcha } from "@/lib/server/captcha";
import { accountKey, resetAccountThrottle } from "@/lib/server/login-throttle";
import { hashPassword } from "@/lib/server/password";
import { OutboxSmsProvider } from "@/lib/server/sms";
import { getAuthOptions } from "@/lib/server/auth";
import { signIn } from "@/lib/services/accounts/sign-in";
import { codeRequestNeedsCaptcha, sendPasswordCode } from "@/lib/services/accounts/send-password-code";
import { activateAccount } from "@/lib/services/accounts/activate-account";
import { resetPassword } from "@/lib/services/accounts/reset-password";
import { changePassword } from "@/lib/services/accounts/change-password";
import { markMessagesRead } from "@/lib/services/messages/mark-messages-read";
import { updateContactDetails } from "@/lib/services/people/update-contact-details";

let db: Database;
const tag = randomBytes(4).toString("hex").toUpperCase();
const ip = (n: number) => `198.51.100.${n}-${tag}`;
const captcha = (answer = "k7pq", now = new Date()) => ({ captchaToken: signCaptcha(answer, now), captchaAnswer: answer });

/** A person + applicant account of our own, so the tests never disturb the seeded demo accounts. */
async function makeApplicant(opts: { password?: string; phone: string }) {
  const idNumber = `T${tag}${randomBytes(3).toString("hex").toUpperCase()}`;
  const [person] = await db
    .insert(people)
    .values({ name: "测试人员", gender: "male", birthDate: "1990-01-01", idType: "passport", idNumber, phone: opts.phone })
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
  const [row] = await db.select().from(smsOutbox).where(eq(smsOutbox.phone, phone)).orderBy(desc(smsOutbox.id)).limit(1);
  const code = row?.body.match(/\d{6}/)?.[0];
  if (!code) throw new Error(`no code for ${phone}`);
  return code;
}

beforeAll(() => {
  db = testDb();
});

describe("sign-in", () => {
  it("signs in a seeded applicant and records login_ok", async () => {
    const res = await signIn(db, { kind: "applicant", loginName: "resident_id:310101198803150012", password: "Demo2026!", ip: ip(1) });
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
    const x = await signIn(db, { kind: "staff", loginName: "resident_id:310101198803150012", password: "Demo2026!", ip: ip(2) });
    expect(x.ok).toBe(false);
  });

  it("gives the same message for a wrong password and an unknown account", async () => {
    const wrong = await signIn(db, { kind: "applicant", loginName: "resident_id:310115198509100039", password: "nope", ip: ip(3) });
    const unknown = await signIn(db, { kind: "applicant", loginName: "resident_id:110101199001011237", password: "nope", ip: ip(4) });
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
    const wrongCaptcha = await signIn(db, { ...base, password: "Right1234", ip: ip(14), now: at(4), captchaToken: signCaptcha("abcd", at(4)), captchaAnswer: "abce" });
    expect(!wrongCaptcha.ok && wrongCaptcha.message).toMatch(/验证码不正确/);

    const fourth = await signIn(db, { ...base, password: "bad", ip: ip(15), now: at(5), ...captcha("aaaa", at(5)) });
    expect(!fourth.ok && fourth.reason).toBe("invalid");
    const fifth = await signIn(db, { ...base, password: "bad", ip: ip(16), now: at(6), ...captcha("bbbb", at(6)) });
    expect(!fifth.ok && fifth.reason).toBe("locked");
    expect(!fifth.ok && fifth.message).toMatch(/约1分钟后/);

    // Locked: even the right password with a good captcha is refused until the lock ends.
    const locked = await signIn(db, { ...base, password: "Right1234", ip: ip(17), now: at(30), ...captcha("cccc", at(30)) });
    expect(!locked.ok && locked.reason).toBe("locked");

    // After the 1-minute lock a 6th failure locks for 2 minutes.
    const sixth = await signIn(db, { ...base, password: "bad", ip: ip(18), now: at(70), ...captcha("dddd", at(70)) });
    expect(!sixth.ok && sixth.message).toMatch(/约2分钟后/);

    const ok = await signIn(db, { ...base, password: "Right1234", ip: ip(19), now: at(70 + 121), ...captcha("eeee", at(191)) });
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
    const withCaptcha = await signIn(db, { kind: "staff", loginName: "zj_reviewer", password: "Demo2026!", ip: shared, ...captcha() });
    expect(withCaptcha.ok).toBe(true);
  });

  it("refuses a disabled account with a clear message", async () => {
    const { account, loginName } = await makeApplicant({ password: "Right1234", phone: "13700000002" });
    await db.update(userAccounts).set({ disabled: true }).where(eq(userAccounts.id, account.id));
    const r = await signIn(db, { kind: "applicant", loginName, password: "Right1234", ip: ip(31) });
    expect(!r.ok && r.reason).toBe("disabled");
  });

  it("uses a captcha only once", async () => {
    const token = signCaptcha("wxyz");
    expect(await verifyCaptcha(db, token, "wxyz")).toBe("ok");
    expect(await verifyCaptcha(db, token, "wxyz")).toBe("expired");
  });
});

describe("获取密码 (activation) with an SMS code", () => {
  it("texts a code to the phone on record, then sets the password", async () => {
    const phone = "13700000003";
    const { account, loginName } = await makeApplicant({ phone });
    const sms = new OutboxSmsProvider(db);
    const sent = await sendPasswordCode(db, sms, { purpose: "activate", kind: "applicant", loginName, ip: ip(40), ...captcha() });
    expect(sent).toEqual({ ok: true, maskedPhone: "137****0003" });
    const code = await latestCode(phone);
    const [stored] = await db.select().from(oneTimeCodes).where(eq(oneTimeCodes.accountId, account.id));
    expect(stored?.codeHash).not.toContain(code);

    // Resend is throttled for 60 s.
    const resend = await sendPasswordCode(db, sms, { purpose: "activate", kind: "applicant", loginName, ip: ip(40), ...captcha() });
    expect(!resend.ok && resend.error).toMatch(/秒后再重新获取/);

    const wrong = await activateAccount(db, { loginName, code: code === "000000" ? "111111" : "000000", password: "NewPass123", ip: ip(40) });
    expect(!wrong.ok && wrong.error).toMatch(/还可尝试4次/);

    const ok = await activateAccount(db, { loginName, code, password: "NewPass123", ip: ip(40) });
    expect(ok).toEqual({ ok: true });
    const signedIn = await signIn(db, { kind: "applicant", loginName, password: "NewPass123", ip: ip(40) });
    expect(signedIn.ok).toBe(true);

    // The code is single-use, and an activated account cannot be activated again.
    const replay = await activateAccount(db, { loginName, code, password: "Other1234", ip: ip(40) });
    expect(replay.ok).toBe(false);
    const again = await sendPasswordCode(db, sms, { purpose: "activate", kind: "applicant", loginName, ip: ip(40), ...captcha() });
    expect(!again.ok && again.error).toMatch(/已设置过密码/);
  });

  it("works for the seeded not-yet-activated applicant 周昇 (restored afterwards)", async () => {
    const loginName = "resident_id:310104199201010059";
    const sent = await sendPasswordCode(db, new OutboxSmsProvider(db), { purpose: "activate", kind: "applicant", loginName, ip: ip(41), ...captcha() });
    expect(sent).toEqual({ ok: true, maskedPhone: "138****0007" });
    const ok = await activateAccount(db, { loginName, code: await latestCode("13800000007"), password: "Zhou2026ok", ip: ip(41) });
    expect(ok.ok).toBe(true);
    await db.update(userAccounts).set({ passwordHash: null }).where(eq(userAccounts.loginName, loginName));
  });

  it("stops accepting a code after 5 wrong guesses and when it expired", async () => {
    const phone = "13700000004";
    const { loginName } = await makeApplicant({ phone });
    const t0 = new Date();
    await sendPasswordCode(db, new OutboxSmsProvider(db), { purpose: "activate", kind: "applicant", loginName, ip: ip(42), now: t0, ...captcha("mmmm", t0) });
    const code = await latestCode(phone);
    const wrongCode = code === "999999" ? "888888" : "999999";
    for (let i = 0; i < 5; i++) await activateAccount(db, { loginName, code: wrongCode, password: "NewPass123", ip: ip(42), now: t0 });
    const blocked = await activateAccount(db, { loginName, code, password: "NewPass123", ip: ip(42), now: t0 });
    expect(!blocked.ok && blocked.error).toMatch(/输错次数过多/);

    const t1 = new Date(t0.getTime() + 61_000);
    await sendPasswordCode(db, new OutboxSmsProvider(db), { purpose: "activate", kind: "applicant", loginName, ip: ip(42), now: t1, ...captcha("nnnn", t1) });
    const fresh = await latestCode(phone);
    const late = await activateAccount(db, { loginName, code: fresh, password: "NewPass123", ip: ip(42), now: new Date(t1.getTime() + 11 * 60_000) });
    expect(!late.ok && late.error).toMatch(/已失效/);
  });

  it("tells an unknown identity what to do", async () => {
    const r = await sendPasswordCode(db, new OutboxSmsProvider(db), { purpose: "activate", kind: "applicant", loginName: `passport:NOPE${tag}`, ip: ip(43), ...captcha() });
    expect(!r.ok && r.error).toMatch(/未找到/);
  });

  it("asks for the image captcha from the 3rd code request per IP", async () => {
    const req = (extra: object = {}) =>
      sendPasswordCode(db, new OutboxSmsProvider(db), { purpose: "activate", kind: "applicant", loginName: `passport:NOPE${tag}`, ip: ip(44), ...extra });
    expect(await codeRequestNeedsCaptcha(db, ip(44))).toBe(false);
    expect((await req()).ok).toBe(false); // 未找到 — no captcha needed yet
    await req();
    expect(await codeRequestNeedsCaptcha(db, ip(44))).toBe(true);
    const third = await req();
    expect(!third.ok && third.captchaRequired).toBe(true);
    expect(!third.ok && third.error).toMatch(/图片中的验证码/);
    const withCaptcha = await req(captcha());
    expect(!withCaptcha.ok && withCaptcha.error).toMatch(/未找到/);
  });
});

describe("找回密码 (reset) and 修改密码 (change)", () => {
  it("resets a forgotten password by SMS, lifting a sign-in lock", async () => {
    const phone = "13700000005";
    const { loginName } = await makeApplicant({ password: "Old12345", phone });
    const t0 = new Date();
    for (let i = 0; i < 5; i++) {
      await signIn(db, { kind: "applicant", loginName, password: "bad", ip: ip(50 + i), now: t0, ...captcha(`q${i}qq`, t0) });
    }
    const locked = await signIn(db, { kind: "applicant", loginName, password: "Old12345", ip: ip(56), now: t0, ...captcha("rrrr", t0) });
    expect(!locked.ok && locked.reason).toBe("locked");

    const sent = await sendPasswordCode(db, new OutboxSmsProvider(db), { purpose: "reset_password", kind: "applicant", loginName, ip: ip(57), ...captcha() });
    expect(sent.ok).toBe(true);
    const res = await resetPassword(db, { kind: "applicant", loginName, code: await latestCode(phone), password: "Reset1234", ip: ip(57) });
    expect(res.ok).toBe(true);
    expect((await signIn(db, { kind: "applicant", loginName, password: "Reset1234", ip: ip(58) })).ok).toBe(true);
    expect((await signIn(db, { kind: "applicant", loginName, password: "Old12345", ip: ip(59) })).ok).toBe(false);
  });

  it("reset is refused for an account that never had a password", async () => {
    const { loginName } = await makeApplicant({ phone: "13700000006" });
    const r = await sendPasswordCode(db, new OutboxSmsProvider(db), { purpose: "reset_password", kind: "applicant", loginName, ip: ip(60), ...captcha() });
    expect(!r.ok && r.error).toMatch(/获取密码/);
  });

  it("change-password bumps the session generation so older sessions are refused", async () => {
    const { account, loginName } = await makeApplicant({ password: "Old12345", phone: "13700000007" });
    const signed = await signIn(db, { kind: "applicant", loginName, password: "Old12345", ip: ip(61) });
    if (!signed.ok) throw new Error("sign-in failed");
    const oldToken = { sub: account.id, role: "applicant" as const, gen: signed.account.sessionGeneration, name: "测试人员" };
    const jwt = getAuthOptions().callbacks!.jwt!;
    const call = (token: typeof oldToken) => jwt({ token, user: undefined as never, account: null });
    await expect(call(oldToken)).resolves.toMatchObject({ sub: account.id });

    const wrong = await changePassword(db, { accountId: account.id, oldPassword: "nope", newPassword: "New12345", ip: ip(61) });
    expect(!wrong.ok && wrong.error).toBe("原密码不正确，请重新输入。");

    const changed = await changePassword(db, { accountId: account.id, oldPassword: "Old12345", newPassword: "New12345", ip: ip(61) });
    expect(changed).toEqual({ ok: true, sessionGeneration: signed.account.sessionGeneration + 1 });
    await expect(call(oldToken)).rejects.toThrow();
    await expect(call({ ...oldToken, gen: signed.account.sessionGeneration + 1 })).resolves.toMatchObject({ sub: account.id });

    const [ev] = await db.select().from(securityEvents).where(and(eq(securityEvents.accountId, account.id), eq(securityEvents.kind, "password_changed")));
    expect(ev).toBeTruthy();
    // A disabled account's sessions end too.
    await db.update(userAccounts).set({ disabled: true }).where(eq(userAccounts.id, account.id));
    await expect(call({ ...oldToken, gen: signed.account.sessionGeneration + 1 })).rejects.toThrow();
  });
});

describe("applicant self-service", () => {
  it("updates phone and address (N1) and marks only own messages read", async () => {
    const { person, account } = await makeApplicant({ password: "Old12345", phone: "13700000008" });
    const res = await updateContactDetails(db, { accountId: account.id, personId: person.id, phone: "13700000018", address: "上海市测试路1号" });
    expect(res.ok).toBe(true);
    const [p] = await db.select().from(people).where(eq(people.id, person.id));
    expect(p).toMatchObject({ phone: "13700000018", address: "上海市测试路1号" });

    const other = await makeApplicant({ phone: "13700000009" });
    const [m1] = await db.insert(messages).values({ recipientUserId: account.id, title: "受理通知", body: "已受理" }).returning();
    const [m2] = await db.insert(messages).values({ recipientUserId: other.account.id, title: "别人的", body: "x" }).returning();
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
