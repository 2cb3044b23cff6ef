/**
 * Issue 14 item 4, the account's remembered language (ADR 0010): the language picked on a sign-in page (its
 * NEXT_LOCALE cookie) becomes the account's at sign-in; the header's switch changes the caller's account and no other;
 * sign-in refusals are in the page's language, 获取密码 / 找回密码 texts in the account holder's.
 */
import { randomBytes, randomInt } from "node:crypto";
import { desc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { testDb } from "../support/db";
import type { Database } from "@/db/client";
import { people, smsOutbox, userAccounts } from "@/db/schema";
import type { CurrentUser } from "@/lib/server/auth";
import { hashPassword } from "@/lib/server/password";
import { OutboxSmsProvider } from "@/lib/server/sms";
import { changeLanguage } from "@/lib/services/accounts/change-language";
import { sendPasswordCode } from "@/lib/services/accounts/send-password-code";
import { signIn } from "@/lib/services/accounts/sign-in";

const session: { user: CurrentUser | null } = { user: null };
const jar = { set: vi.fn(), get: vi.fn(() => undefined) };
const request = { referer: "http://portal.test/applicant/messages?page=2" };
const redirected: string[] = [];
vi.mock("@/lib/server/auth", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/headers", () => ({
  cookies: async () => jar,
  headers: async () => new Headers({ referer: request.referer }),
}));
vi.mock("next/navigation", () => ({ redirect: (to: string) => void redirected.push(to) }));

const { switchLanguage } = await import("@/app/_actions/language");
const { credentialsProviders } = await import("@/app/api/auth/[...nextauth]/credentials-providers");

let db: Database;
const tag = randomBytes(4).toString("hex").toUpperCase();
const PASSWORD = "Lang2026pass";
const made: string[] = [];

async function makeApplicant(n: number, locale: "zh-CN" | "en" = "zh-CN") {
  const idNumber = `L${tag}${n}`;
  const phone = `139${String(randomInt(10_000_000)).padStart(7, "0")}${n}`;
  const [person] = await db
    .insert(people)
    .values({ name: "语言测试", gender: "female", birthDate: "1990-01-01", idType: "passport", idNumber, phone })
    .returning();
  const loginName = `passport:${idNumber}`;
  const [account] = await db
    .insert(userAccounts)
    .values({
      role: "applicant",
      loginName,
      displayName: "语言测试",
      personId: person!.id,
      passwordHash: await hashPassword(PASSWORD),
      locale,
    })
    .returning();
  made.push(account!.id);
  return { id: account!.id, personId: person!.id, loginName, idNumber, phone };
}

async function localeOf(id: string): Promise<string> {
  const [row] = await db.select({ locale: userAccounts.locale }).from(userAccounts).where(eq(userAccounts.id, id));
  return row!.locale;
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

function asUser(a: { id: string; personId: string }, locale: "zh-CN" | "en"): CurrentUser {
  return {
    id: a.id,
    role: "applicant",
    name: "语言测试",
    personId: a.personId,
    employerId: null,
    authorityId: null,
    locale,
  };
}

function form(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

beforeAll(() => {
  db = testDb();
});
beforeEach(() => {
  session.user = null;
  jar.set.mockClear();
  redirected.length = 0;
});
afterAll(async () => {
  if (made.length) await db.update(userAccounts).set({ disabled: true }).where(inArray(userAccounts.id, made));
});

describe("sign-in adopts the language chosen on the sign-in page", () => {
  it("the chosen language becomes the account's; no choice leaves the account's as it is", async () => {
    const a = await makeApplicant(1);
    const chose = await signIn(db, {
      kind: "applicant",
      loginName: a.loginName,
      password: PASSWORD,
      ip: "1",
      locale: "en",
    });
    expect(chose.ok).toBe(true);
    expect(await localeOf(a.id)).toBe("en");
    const again = await signIn(db, { kind: "applicant", loginName: a.loginName, password: PASSWORD, ip: "1" });
    expect(again.ok).toBe(true);
    expect(await localeOf(a.id)).toBe("en");
  });

  it("a refused sign-in speaks the page's language and changes no account", async () => {
    const a = await makeApplicant(2);
    const en = await signIn(db, {
      kind: "applicant",
      loginName: a.loginName,
      password: "wrong",
      ip: "2",
      locale: "en",
    });
    expect(en.ok).toBe(false);
    if (en.ok) return;
    expect(en.message).toMatch(/^Incorrect ID document number or password\./);
    expect(en.message).not.toMatch(/[\u4e00-\u9fff]/);
    const zh = await signIn(db, { kind: "applicant", loginName: a.loginName, password: "wrong", ip: "2" });
    expect(!zh.ok && zh.message).toMatch(/^证件号码或密码不正确/);
    expect(await localeOf(a.id)).toBe("zh-CN");
  });

  it("the credentials provider reads the sign-in page's NEXT_LOCALE cookie", async () => {
    const a = await makeApplicant(3);
    const provider = credentialsProviders()[0]! as unknown as {
      options: {
        authorize: (raw: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
      };
    };
    const headers = { cookie: "theme=x; NEXT_LOCALE=en; other=1", "x-forwarded-for": "203.0.113.9" };
    const raw = { idType: "passport", idNumber: a.idNumber, password: PASSWORD };
    await expect(provider.options.authorize(raw, { headers })).resolves.toMatchObject({ id: a.id });
    expect(await localeOf(a.id)).toBe("en");
    // A bad password on the English page: the JSON the form reads is English.
    const refused = await provider.options.authorize({ ...raw, password: "nope" }, { headers }).catch((e) => e);
    expect(JSON.parse((refused as Error).message).message).toMatch(/^Incorrect ID document number/);
    // An unknown cookie value is ignored rather than stored.
    await provider.options.authorize(raw, { headers: { cookie: "NEXT_LOCALE=fr" } });
    expect(await localeOf(a.id)).toBe("en");
  });
});

describe("the header's switch (switchLanguage)", () => {
  it("changes the signed-in caller's account only, sets the cookie and shows the same page again", async () => {
    const me = await makeApplicant(4);
    const other = await makeApplicant(5, "en");
    session.user = asUser(me, "zh-CN");
    await switchLanguage(form({ locale: "en", accountId: other.id }));
    expect(await localeOf(me.id)).toBe("en");
    expect(await localeOf(other.id)).toBe("en");
    expect(jar.set).toHaveBeenCalledWith("NEXT_LOCALE", "en", expect.objectContaining({ path: "/", httpOnly: true }));
    expect(redirected).toEqual(["/applicant/messages?page=2"]);

    // The account comes from the session: an account id slipped into the form is ignored.
    session.user = asUser(me, "en");
    await switchLanguage(form({ locale: "zh-CN", accountId: other.id }));
    expect(await localeOf(me.id)).toBe("zh-CN");
    expect(await localeOf(other.id)).toBe("en");
    await changeLanguage(db, other.id, "zh-CN");
    expect(await localeOf(me.id)).toBe("zh-CN");
    expect(await localeOf(other.id)).toBe("zh-CN");
  });

  it("before sign-in only the cookie changes; an unknown language changes nothing", async () => {
    const me = await makeApplicant(6);
    await switchLanguage(form({ locale: "en" }));
    expect(jar.set).toHaveBeenCalledWith("NEXT_LOCALE", "en", expect.anything());
    expect(await localeOf(me.id)).toBe("zh-CN");

    jar.set.mockClear();
    redirected.length = 0;
    session.user = asUser(me, "zh-CN");
    await switchLanguage(form({ locale: "fr" }));
    expect(jar.set).not.toHaveBeenCalled();
    expect(redirected).toEqual([]);
    expect(await localeOf(me.id)).toBe("zh-CN");
  });

  it("never sends the browser off the site, whatever the referer", async () => {
    request.referer = "https://evil.example//attacker.example/path?x=1";
    await switchLanguage(form({ locale: "en" }));
    request.referer = "not a url";
    await switchLanguage(form({ locale: "en" }));
    for (const to of redirected) expect(to.startsWith("/") && !to.startsWith("//")).toBe(true);
    request.referer = "http://portal.test/applicant/messages?page=2";
  });
});

describe("获取密码 / 找回密码 texts", () => {
  it("the answer is in the page's language, the SMS in the account holder's", async () => {
    const en = await makeApplicant(7, "en");
    const sms = new OutboxSmsProvider(db);
    const asked = await sendPasswordCode(db, sms, {
      purpose: "reset_password",
      kind: "applicant",
      loginName: en.loginName,
      ip: `lang-${tag}-1`,
      now: new Date(),
    });
    expect(asked).toMatchObject({ ok: true, notice: expect.stringMatching(/^如果填写的信息/) });
    expect(await latestText(en.phone)).toMatch(/^\[Practice Registration Portal\] You are resetting .* code is \d{6}/);

    const zh = await makeApplicant(8);
    const english = await sendPasswordCode(db, sms, {
      purpose: "activate",
      kind: "applicant",
      loginName: zh.loginName,
      ip: `lang-${tag}-2`,
      locale: "en",
      now: new Date(),
    });
    expect(english).toMatchObject({ ok: true, notice: expect.stringMatching(/^If the details match/) });
    // Activating an account that already has a password: the holder is told, in Chinese, what to do instead.
    expect(await latestText(zh.phone)).toMatch(
      /^【执业注册平台】有人以您的证件信息申请获取登录密码。您的平台账号已设置过登录密码/,
    );
  });
});
