import { eq, sql } from "drizzle-orm";
import type { NextAuthOptions } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { cookies } from "next/headers";
import { connection } from "next/server";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { builtOnce } from "@/db/built-once";
import { getDb, type Database } from "@/db/client";
import { userAccounts } from "@/db/schema";
import type { UserRole } from "@/lib/domain/types";
import { localeOr, type Locale } from "@/lib/i18n/locales";
import { loginPathFor, sessionIdleMinutes } from "@/lib/auth-paths";
import { endSessionsOnSignOut, sessionTooOld } from "./sessions";
import { authSecret } from "./secret";
import { decodeSessionToken, encodeSessionToken } from "./session-token";
import { log } from "./log";
import { logSecurityEvent } from "./security-events";

/** Thrown by the jwt callback: next-auth then clears the cookie and getServerSession() returns null. */
class SessionRevoked extends Error {
  override name = "SessionRevoked";
}

/**
 * The account behind a session, read on every request: built once and sent as a named prepared statement, so neither
 * drizzle nor PostgreSQL parses and plans it again per request (issue 12). A primary-key lookup: the generic plan
 * PostgreSQL may settle on is the same plan.
 */
const sessionAccount = (db: Database) =>
  builtOnce(db, "session-account", () =>
    db
      .select({
        role: userAccounts.role,
        disabled: userAccounts.disabled,
        gen: userAccounts.sessionGeneration,
        name: userAccounts.displayName,
        locale: userAccounts.locale,
      })
      .from(userAccounts)
      .where(eq(userAccounts.id, sql.placeholder("id")))
      .limit(1)
      .prepare("session_account"),
  );

let options: NextAuthOptions | undefined;

/** Session settings shared by getServerSession() and the next-auth route (which adds its providers). */
export function getAuthOptions(): NextAuthOptions {
  if (options) return options;
  const maxAge = Math.round(sessionIdleMinutes() * 60);
  options = {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge, updateAge: 0 },
    useSecureCookies: sessionCookie().options.secure,
    cookies: { sessionToken: sessionCookie() },
    jwt: { maxAge, encode: encodeSessionToken, decode: decodeSessionToken },
    // Reading a session needs no provider; the sign-in route adds the credentials providers (they call the sign-in use
    // case, which lives above this infrastructure layer).
    providers: [],
    pages: { signIn: "/login/applicant", error: "/login/applicant" },
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.name = user.name;
          token.role = user.role;
          token.gen = user.gen;
          token.mustChangePassword = user.mustChangePassword ?? false;
          token.authAt = Date.now();
          token.personId = user.personId;
          token.employerId = user.employerId;
          token.authorityId = user.authorityId;
          return token;
        }
        const account = await liveAccount(token);
        if (!account) throw new SessionRevoked();
        token.name = account.name;
        token.locale = account.locale;
        return token;
      },
      async session({ session, token }) {
        session.user = userOf(token);
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        // Signing out ends every session of the account, including a copy of this cookie (ASVS V3.3.1).
        if (!token?.sub) return;
        const db = getDb();
        await endSessionsOnSignOut(db, token.sub, token.gen).catch((e) => console.error("[sign-out]", e));
        await logSecurityEvent(db, { kind: "logout", accountId: token.sub }).catch(() => {});
      },
    },
    logger: {
      error(code, metadata) {
        const err = (metadata as { error?: unknown })?.error ?? metadata;
        // Revoked and expired sessions are routine (idle timeout, password changed elsewhere): not errors.
        if (
          code === "JWT_SESSION_ERROR" &&
          err instanceof Error &&
          /SessionRevoked|JWTExpired|exp/.test(`${err.name} ${err.message}`)
        )
          return;
        console.error(`[next-auth] ${code}`, metadata);
      },
      warn(code) {
        if (code === "NEXTAUTH_URL" || code === "DEBUG_ENABLED") return;
        console.warn(`[next-auth] ${code}`);
      },
      debug() {},
    },
  };
  return options;
}

export interface CurrentUser {
  id: string;
  role: UserRole;
  name: string;
  personId: string | null;
  employerId: string | null;
  authorityId: string | null;
  /** The account's language (header switch); read from the account on every request. */
  locale: Locale;
  /**
   * Signed in with an administrator's one-time password: until they choose their own, pages send them to 修改登录密码
   * (proxy.ts) and actions other than that one are refused (app/_lib/action-pipeline.ts).
   */
  mustChangePassword?: boolean;
}

/**
 * Every later use of a token re-checks its account: a password change (generation bump), a disabled account or a
 * changed role ends the session everywhere, and so does the absolute lifetime. Null: the session has ended.
 */
async function liveAccount(token: JWT) {
  if (!token.sub || sessionTooOld(token.authAt)) return null;
  const [row] = await sessionAccount(getDb()).execute({ id: token.sub });
  if (!row || row.disabled || row.gen !== token.gen || row.role !== token.role) return null;
  return row;
}

function userOf(token: JWT): CurrentUser {
  return {
    id: token.sub!,
    role: token.role!,
    name: token.name ?? "",
    personId: token.personId ?? null,
    employerId: token.employerId ?? null,
    authorityId: token.authorityId ?? null,
    locale: localeOr(token.locale),
    mustChangePassword: token.mustChangePassword === true,
  };
}

/** The user a session token stands for, after re-checking its account (what getCurrentUser answers). */
export async function userOfToken(token: JWT): Promise<CurrentUser | null> {
  const account = await liveAccount(token);
  return account ? userOf({ ...token, name: account.name, locale: account.locale }) : null;
}

/**
 * The signed-in user of this request, or null (memoised per request). It reads the cookie itself, with next-auth's
 * token format and the same checks as next-auth's jwt callback above: `getServerSession` ran next-auth's whole
 * session handler per call (a CSRF token, a freshly encrypted cookie it then drops), ≈ 3 % of a save (issue 12).
 * Like getServerSession in the App Router, it never writes the cookie; /api/auth/session renews it.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  // Per-request by nature: opt out of prerendering before the secret is needed (it is absent at build time).
  await connection();
  const raw = sessionCookieValue(await cookies());
  if (!raw) return null;
  const token = await decodeSessionToken({ token: raw, secret: authSecret() }).catch(rejectedToken);
  return token ? userOfToken(token) : null;
});

type CookieJar = Awaited<ReturnType<typeof cookies>>;

/** The session cookie's text, joined from next-auth's numbered chunks (`….0`, `….1`) when it was too long for one. */
function sessionCookieValue(jar: CookieJar): string | undefined {
  const name = sessionCookieName();
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  const chunks = jar
    .getAll()
    .filter((c) => c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1)))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length ? chunks.map((c) => c.value).join("") : undefined;
}

/** An expired cookie is routine (idle timeout); anything else that does not open is worth a line in the log. */
function rejectedToken(e: unknown): null {
  const name = e instanceof Error ? e.name : "";
  if (name !== "JWTExpired") log().warn({ reason: name || "unknown" }, "session cookie rejected");
  return null;
}

/** Anonymous → the role's login page; signed in with another role → 404 (the page does not exist for them). */
export async function requireRole<R extends UserRole>(role: R): Promise<CurrentUser & { role: R }> {
  const user = await getCurrentUser();
  if (!user) redirect(loginPathFor(role));
  if (user.role !== role) notFound();
  return user as CurrentUser & { role: R };
}

/**
 * The session cookie: HttpOnly, SameSite=Lax, and Secure (with the __Secure- prefix) when served over https (ASVS
 * V3.4).
 */
export function sessionCookie(portalUrl: string | undefined = process.env.NEXTAUTH_URL) {
  const secure = portalUrl?.startsWith("https://") ?? false;
  return {
    name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}

function sessionCookieName(): string {
  return sessionCookie().name;
}

/**
 * After 修改登录密码 the generation in the user's own token is stale too; re-issue this browser's cookie with the new
 * generation so only the *other* sessions end. Call from a server action.
 */
export async function reissueSessionCookie(newGeneration: number): Promise<void> {
  const jar = await cookies();
  const name = sessionCookieName();
  const raw = jar.get(name)?.value;
  if (!raw) return;
  const secret = authSecret();
  const token = await decodeSessionToken({ token: raw, secret }).catch(() => null);
  if (!token) return;
  const maxAge = Math.round(sessionIdleMinutes() * 60);
  token.gen = newGeneration;
  // The user has just chosen their own password: the one-time password's restriction ends (proxy.ts).
  token.mustChangePassword = false;
  jar.set(name, await encodeSessionToken({ token, secret, maxAge }), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: name.startsWith("__Secure-"),
    maxAge,
  });
}
