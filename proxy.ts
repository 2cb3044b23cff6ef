import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { clientIp } from "@/lib/server/client-ip";
import { contentSecurityPolicy, HSTS, isCrossOriginAction, isHttps, PERMISSIONS_POLICY } from "@/lib/server/security-headers";
import { rateLimitMessage, spendVerifyPoints } from "@/app/(public)/verify/_lib/rate-limit";
import { tooManyRequestsPage } from "@/lib/server/too-many-requests";

/**
 * Runs before every page, route and server action (Node runtime):
 *  - refuses cross-origin server actions with 403;
 *  - spends the per-address allowance of 证书查验 look-ups and answers 429 + Retry-After when it is used up;
 *  - sets a fresh CSP nonce and the other security headers.
 */
export async function proxy(request: NextRequest) {
  if (isCrossOriginAction(request.method, request.headers)) {
    return new NextResponse("跨站提交已被拒绝。请在本平台页面内操作。", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  }

  const verifyLookup = request.method === "GET" && /^\/verify\/(?!upload$)[^/]+$/.test(request.nextUrl.pathname);
  if (verifyLookup && !request.headers.has("next-router-prefetch")) {
    const allowance = await spendVerifyPoints(getDb(), clientIp(request.headers));
    if (!allowance.allowed) {
      return withSecurityHeaders(
        request,
        tooManyRequestsPage(rateLimitMessage(allowance.retryAfterSeconds), allowance.retryAfterSeconds, "/verify", "返回证书查验"),
        crypto.randomUUID(),
      );
    }
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp(request, nonce));
  return withSecurityHeaders(request, NextResponse.next({ request: { headers: requestHeaders } }), nonce);
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
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
