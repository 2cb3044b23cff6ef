import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../support/db";
import type { Database } from "@/db/client";
import { oneTimeCodes, people, userAccounts } from "@/db/schema";
import { CODE_MAX_ATTEMPTS, consumeCode, issueCode } from "@/lib/server/one-time-codes";

/** One-time codes are consumed by one conditional update: no extra guesses, no double acceptance (ASVS V2.7.x). */
let db: Database;
const tag = randomBytes(4).toString("hex").toUpperCase();

async function account() {
  const idNumber = `C${tag}${randomBytes(3).toString("hex").toUpperCase()}`;
  const [person] = await db
    .insert(people)
    .values({
      name: "验证码测试",
      gender: "male",
      birthDate: "1990-01-01",
      idType: "passport",
      idNumber,
      phone: "13400000001",
    })
    .returning();
  const [a] = await db
    .insert(userAccounts)
    .values({ role: "applicant", loginName: `passport:${idNumber}`, displayName: "验证码测试", personId: person!.id })
    .returning();
  return a!.id;
}

beforeAll(() => {
  db = testDb();
});

describe("atomic one-time codes (ASVS V2.7.2 / V2.8.x)", () => {
  const title1 =
    "V2.7.2 30 parallel wrong guesses get at most 5 evaluations, and the right code is refused " + "afterwards";
  it(title1, async () => {
    const id = await account();
    const issued = await issueCode(db, id, "sign");
    if (!issued.ok) throw new Error("not issued");
    const wrong = issued.code === "000000" ? "111111" : "000000";
    const results = await Promise.all(Array.from({ length: 30 }, () => consumeCode(db, id, "sign", wrong)));
    expect(results.every((r) => !r.ok)).toBe(true);
    const [row] = await db.select().from(oneTimeCodes).where(eq(oneTimeCodes.accountId, id));
    expect(row!.attempts).toBe(CODE_MAX_ATTEMPTS);
    // exactly five answers counted a guess down ("还可尝试4次" … "输错次数过多" from the 5th)
    expect(results.filter((r) => !r.ok && /还可尝试/.test(r.error))).toHaveLength(CODE_MAX_ATTEMPTS - 1);
    expect(await consumeCode(db, id, "sign", issued.code)).toEqual({
      ok: false,
      error: "短信验证码输错次数过多，请重新获取验证码。",
      reason: "tooMany",
    });
  });

  it("V2.7.2 a right code submitted twice at once is accepted exactly once", async () => {
    for (let round = 0; round < 5; round++) {
      const id = await account();
      const issued = await issueCode(db, id, "sign");
      if (!issued.ok) throw new Error("not issued");
      const results = await Promise.all(Array.from({ length: 4 }, () => consumeCode(db, id, "sign", issued.code)));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
    }
  });

  it("V2.7.2 a consumption inside a transaction that rolls back leaves the code usable", async () => {
    const id = await account();
    const issued = await issueCode(db, id, "sign");
    if (!issued.ok) throw new Error("not issued");
    await expect(
      db.transaction(async (tx) => {
        expect(await consumeCode(tx, id, "sign", issued.code)).toEqual({ ok: true });
        throw new Error("later step failed");
      }),
    ).rejects.toThrow(/later step failed/);
    expect(await consumeCode(db, id, "sign", issued.code)).toEqual({ ok: true });
  });
});
