import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { LOCALE_COOKIE, localeOr } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { clientIp } from "@/lib/server/client-ip";
import { decodeSessionToken } from "@/lib/server/session-token";
import { contentSecurityPolicy, HSTS, isHttps, PERMISSIONS_POLICY } from "@/lib/server/security-headers";
import { rateLimitMessage, spendVerifyAllowance } from "@/lib/server/verify-rate-limit";
import { tooManyRequestsPage } from "@/lib/server/too-many-requests";

/**
 * Runs before every page and route (Node runtime):
 *  - spends the per-address allowance of 证书查验 look-ups and answers 429 + Retry-After when it is used up;
 *  - keeps a user who signed in with a one-time password on their 修改登录密码 page;
 *  - sets a fresh CSP nonce and the other security headers.
 * Not before server actions (the matcher below): a proxy pass costs ≈ 0.8 ms of CPU, as much as the rest of Next's
 * handling of an action, and an action's answer is data, not a page that needs a CSP. Their checks live elsewhere:
 * a cross-origin action is refused by the server in front of Next (scripts/start.ts, `isCrossOriginAction`), and
 * the action pipeline refuses everything but 修改登录密码 to a user who must still choose a password.
 */
export async function proxy(request: NextRequest) {
  const verifyLookup = request.method === "GET" && /^\/verify\/(?!upload$)[^/]+$/.test(request.nextUrl.pathname);
  if (verifyLookup && !request.headers.has("next-router-prefetch")) {
    const allowance = await spendVerifyAllowance(clientIp(request.headers));
    if (!allowance.allowed) {
      // Before the session is read: the language the visitor chose with the switch (its cookie), else Chinese.
      const locale = localeOr(request.cookies.get(LOCALE_COOKIE)?.value);
      return withSecurityHeaders(
        request,
        tooManyRequestsPage(
          rateLimitMessage(allowance.retryAfterSeconds, locale),
          allowance.retryAfterSeconds,
          "/verify",
          translator(locale, "public")("rateLimited.back"),
          locale,
        ),
        crypto.randomUUID(),
      );
    }
  }

  const firstPassword = await firstPasswordRedirect(request);
  if (firstPassword) return withSecurityHeaders(request, firstPassword, crypto.randomUUID());

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp(request, nonce));
  return withSecurityHeaders(request, NextResponse.next({ request: { headers: requestHeaders } }), nonce);
}

/** Each signed-in area's 修改登录密码 page. */
const PASSWORD_PAGE: Record<string, string> = {
  admin: "/admin/password",
  reviewer: "/review/password",
  employer: "/employer/password",
  applicant: "/applicant/password",
};
const SIGNED_IN_AREA = /^\/(admin|review|employer|applicant)(\/|$)/;

/**
 * A user who signed in with an administrator's one-time password (new account, reset) sees only their 修改登录密码
 * page until they set their own. The flag lives in the session token: set at sign-in, cleared when the password
 * changes (lib/server/auth.ts).
 */
async function firstPasswordRedirect(req: NextRequest): Promise<NextResponse | null> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret || !SIGNED_IN_AREA.test(req.nextUrl.pathname)) return null;
  const token = await getToken({ req, secret, decode: decodeSessionToken }).catch(() => null);
  if (!token?.mustChangePassword || !token.role) return null;
  const target = PASSWORD_PAGE[token.role];
  if (!target || req.nextUrl.pathname === target) return null;
  // Next needs an absolute address here: the configured public one, never the request's Host header.
  return NextResponse.redirect(new URL(`${target}?first=1`, process.env.PORTAL_URL ?? req.nextUrl.origin));
}

function csp(request: NextRequest, nonce: string): string {
  return contentSecurityPolicy(nonce, {
    framedBySelf: request.nextUrl.pathname.startsWith("/files/"),
    dev: process.env.NODE_ENV === "development",
    https: isHttps(request.nextUrl, request.headers),
  });
}

function withSecurityHeaders(request: NextRequest, response: NextResponse | Response, nonce: string) {
  response.headers.set("Content-Security-Policy", csp(request, nonce));
  response.headers.set("Permissions-Policy", PERMISSIONS_POLICY);
  if (isHttps(request.nextUrl, request.headers)) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  matcher: [
    { source: "/((?!_next/static|_next/image|favicon.ico).*)", missing: [{ type: "header", key: "next-action" }] },
  ],
};
