import { randomBytes } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../support/db";
import type { Database } from "@/db/client";
import { people, smsOutbox, userAccounts } from "@/db/schema";
import { hashPassword } from "@/lib/server/password";
import { OutboxSmsProvider } from "@/lib/server/sms";
import {
  CODE_REQUEST_ACCEPTED,
  CODE_REQUEST_MIN_MS,
  sendPasswordCode,
} from "@/lib/services/accounts/send-password-code";
import { activateAccount } from "@/lib/services/accounts/activate-account";
import { resetPassword } from "@/lib/services/accounts/reset-password";

/**
 * 获取密码 / 找回密码 must not tell a stranger whether an ID number has an account, has a password, is disabled or has
 * no phone (ASVS V2.5.2 / V3.2: no account enumeration through recovery). Each case from its own address so the
 * per-address 人机验证 threshold never kicks in.
 */
let db: Database;
const tag = randomBytes(4).toString("hex").toUpperCase();
let n = 0;
const ip = () => `203.0.113.${++n}-${tag}`;

async function applicant(opts: { password?: string; phone: string | null; disabled?: boolean }) {
  const idNumber = `E${tag}${randomBytes(3).toString("hex").toUpperCase()}`;
  const [person] = await db
    .insert(people)
    .values({
      name: "枚举测试",
      gender: "female",
      birthDate: "1991-02-03",
      idType: "passport",
      idNumber,
      phone: opts.phone ?? "",
    })
    .returning();
  const loginName = `passport:${idNumber}`;
  await db.insert(userAccounts).values({
    role: "applicant",
    loginName,
    displayName: "枚举测试",
    personId: person!.id,
    passwordHash: opts.password ? await hashPassword(opts.password) : null,
    disabled: opts.disabled ?? false,
  });
  return loginName;
}

async function texts(phone: string) {
  return db.select().from(smsOutbox).where(eq(smsOutbox.phone, phone)).orderBy(desc(smsOutbox.id));
}

beforeAll(() => {
  db = testDb();
});

describe("no account enumeration through 获取密码 / 找回密码 (ASVS V2.5.2)", () => {
  const title1 =
    "V2.5.2 the same answer, status and comparable time whether the ID has no account, no password, a password, is " +
    "disabled or has no phone";
  it(title1, async () => {
    const cases = {
      unknown: `passport:NOBODY${tag}`,
      noPassword: await applicant({ phone: "13600000001" }),
      withPassword: await applicant({ phone: "13600000002", password: "Known1234" }),
      disabled: await applicant({ phone: "13600000003", password: "Known1234", disabled: true }),
      noPhone: await applicant({ phone: null }),
    };
    const sms = new OutboxSmsProvider(db);
    for (const purpose of ["activate", "reset_password"] as const) {
      const timings: Record<string, number> = {};
      const answers: Record<string, unknown> = {};
      for (const [name, loginName] of Object.entries(cases)) {
        const started = performance.now();
        answers[name] = await sendPasswordCode(db, sms, { purpose, kind: "applicant", loginName, ip: ip() });
        timings[name] = performance.now() - started;
      }
      for (const a of Object.values(answers)) expect(a).toEqual({ ok: true, notice: CODE_REQUEST_ACCEPTED });
      const values = Object.values(timings);
      expect(Math.min(...values)).toBeGreaterThanOrEqual(CODE_REQUEST_MIN_MS - 5);
      // all answers take the padded minimum unless the machine is loaded; the spread stays well under the padding
      expect(Math.max(...values) - Math.min(...values), JSON.stringify(timings)).toBeLessThan(CODE_REQUEST_MIN_MS);
    }
    // Only the phones on record learn what happened.
    expect((await texts("13600000001"))[0]?.body).toMatch(/请在登录页使用“获取密码”/);
    expect((await texts("13600000001")).some((t) => /验证码 \d{6}/.test(t.body))).toBe(true);
    expect((await texts("13600000002")).some((t) => /已设置过登录密码/.test(t.body))).toBe(true);
    expect((await texts("13600000003"))[0]?.body).toMatch(/已停用/);
  });

  it("V2.5.2 step 2 answers a made-up ID like a real one whose code has expired", async () => {
    const real = await applicant({ phone: "13600000004", password: "Known1234" });
    const args = { code: "123456", password: "Brand1234", ip: ip() };
    const unknown = await resetPassword(db, { kind: "applicant", loginName: `passport:NOBODY2${tag}`, ...args });
    const known = await resetPassword(db, { kind: "applicant", loginName: real, ...args });
    expect(unknown).toEqual(known);
    const activated = await activateAccount(db, { loginName: real, ...args });
    const unknownActivate = await activateAccount(db, { loginName: `passport:NOBODY3${tag}`, ...args });
    expect(activated).toEqual(unknownActivate);
  });
});
