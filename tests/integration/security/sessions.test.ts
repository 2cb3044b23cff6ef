import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../support/db";
import type { Database } from "@/db/client";
import { people, userAccounts } from "@/db/schema";
import { getAuthOptions, sessionCookie, userOfToken } from "@/lib/server/auth";
import { hashPassword } from "@/lib/server/password";
import { endAllSessions, SESSION_ABSOLUTE_MS } from "@/lib/server/sessions";
import { signIn } from "@/lib/services/accounts/sign-in";

/** Sessions that can be ended (ASVS V3.3): every request re-checks the account's session generation and the age. */
let db: Database;
const tag = randomBytes(4).toString("hex").toUpperCase();

async function signedInToken(password = "Sess1234") {
  const idNumber = `S${tag}${randomBytes(3).toString("hex").toUpperCase()}`;
  const [person] = await db
    .insert(people)
    .values({
      name: "会话测试",
      gender: "male",
      birthDate: "1990-01-01",
      idType: "passport",
      idNumber,
      phone: "13500000001",
    })
    .returning();
  const loginName = `passport:${idNumber}`;
  const [account] = await db
    .insert(userAccounts)
    .values({
      role: "applicant",
      loginName,
      displayName: "会话测试",
      personId: person!.id,
      passwordHash: await hashPassword(password),
    })
    .returning();
  const r = await signIn(db, { kind: "applicant", loginName, password, ip: `192.0.2.1-${tag}` });
  if (!r.ok) throw new Error("sign-in failed");
  const jwt = getAuthOptions().callbacks!.jwt!;
  // what the credentials sign-in writes into the cookie
  const token = await jwt({
    token: { sub: account!.id },
    user: {
      id: account!.id,
      name: "会话测试",
      role: "applicant",
      gen: r.account.sessionGeneration,
      personId: person!.id,
      employerId: null,
      authorityId: null,
    },
    account: null,
  });
  // /api/auth/session runs the jwt callback; pages, routes and actions read the cookie with userOfToken: both check.
  const use = async (t = token) => {
    const viaCallback = await Promise.resolve(jwt({ token: { ...t }, user: undefined as never, account: null })).catch(
      (e: unknown) => e,
    );
    const viaReader = await userOfToken({ ...t });
    if (viaCallback instanceof Error) {
      expect(viaReader).toBeNull();
      throw viaCallback;
    }
    expect(viaReader).toMatchObject({ id: t.sub, role: t.role });
    return viaCallback;
  };
  return { accountId: account!.id, token, use };
}

beforeAll(() => {
  db = testDb();
});

describe("revocable sessions (ASVS V3.3)", () => {
  it("V3.3.1 signing out ends the session everywhere: a copied cookie stops working", async () => {
    const { token, use } = await signedInToken();
    const copy = { ...token };
    await expect(use()).resolves.toMatchObject({ sub: token.sub });
    await getAuthOptions().events!.signOut!({ token, session: undefined as never });
    await expect(use(copy)).rejects.toMatchObject({ name: "SessionRevoked" });
  });

  it("V3.3.3 disabling an account (or ending its sessions) refuses every existing session at once", async () => {
    const a = await signedInToken();
    await db.update(userAccounts).set({ disabled: true }).where(eq(userAccounts.id, a.accountId));
    await expect(a.use()).rejects.toMatchObject({ name: "SessionRevoked" });

    const b = await signedInToken();
    await expect(b.use()).resolves.toMatchObject({ sub: b.accountId });
    await endAllSessions(db, b.accountId);
    await expect(b.use()).rejects.toMatchObject({ name: "SessionRevoked" });
  });

  it("V3.3.2 a session ends 12 hours after sign-in however active it is", async () => {
    const { token, use } = await signedInToken();
    expect(typeof token.authAt).toBe("number");
    await expect(use({ ...token, authAt: Date.now() - SESSION_ABSOLUTE_MS + 60_000 })).resolves.toMatchObject({
      sub: token.sub,
    });
    await expect(use({ ...token, authAt: Date.now() - SESSION_ABSOLUTE_MS - 1 })).rejects.toMatchObject({
      name: "SessionRevoked",
    });
    // a token minted before this rule (no sign-in time) is not accepted either
    await expect(use({ ...token, authAt: undefined })).rejects.toMatchObject({ name: "SessionRevoked" });
  });

  const title1 =
    "V3.4.2 V3.4.3 the session cookie is HttpOnly and SameSite=Lax, and Secure when the portal is served over " +
    "https";
  it(title1, async () => {
    expect(sessionCookie("http://localhost:3000")).toEqual({
      name: "next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: false },
    });
    expect(sessionCookie("https://zhuce.example.gov.cn")).toEqual({
      name: "__Secure-next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
    expect(getAuthOptions().cookies?.sessionToken).toEqual(sessionCookie());
  });
});
