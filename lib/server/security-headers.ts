/**
 * Response headers every page gets (ASVS V14.4) and the same-origin rule for server actions (V13.2.3 / V4.2.2).
 * Pure functions: proxy.ts applies them.
 */

/**
 * A nonce-based CSP: scripts run only when they carry this response's nonce (Next adds it to its own scripts when it
 * finds the nonce in the request's CSP header) or are loaded by such a script ('strict-dynamic'); no inline script
 * otherwise. Styles keep 'unsafe-inline' because React renders `style` attributes, which a nonce cannot cover.
 * Stored files are shown in the review page's same-origin viewer, so /files/ may be framed by the portal itself.
 */
export function contentSecurityPolicy(
  nonce: string,
  opts: { framedBySelf?: boolean; dev?: boolean; https?: boolean } = {},
): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // the proof-of-work widget solves in web workers started from blob: URLs
    "worker-src 'self' blob:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${opts.framedBySelf ? "'self'" : "'none'"}`,
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export const PERMISSIONS_POLICY =
  "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), " +
  "interest-cohort=(), browsing-topics=()";

/** One year; set only when the request reached us over https (directly or via a trusted proxy saying so). */
export const HSTS = "max-age=31536000; includeSubDomains";

/**
 * Server actions are POSTs with a `Next-Action` header. One sent from another origin (a page elsewhere posting into
 * a signed-in user's browser session) is refused with 403 by the server in front of Next (scripts/start.ts), which
 * would answer 500. `header` reads one request header (lower-case name; a repeated header joined).
 * A missing Origin (old clients, curl) is allowed through: Next's own check and SameSite=Lax cookies still apply.
 */
export function isCrossOriginAction(method: string, header: (name: string) => string | undefined): boolean {
  if (method !== "POST" || header("next-action") === undefined) return false;
  const origin = header("origin");
  if (!origin) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true; // "null" (sandboxed iframes, file://) or garbage
  }
  const host = header("x-forwarded-host")?.split(",")[0]?.trim() || header("host");
  return !host || originHost.toLowerCase() !== host.toLowerCase();
}

/**
 * Is the original request https? Only a trusted proxy's X-Forwarded-Proto counts (the portal's server strips it
 * otherwise).
 */
export function isHttps(url: URL, headers: Headers): boolean {
  return url.protocol === "https:" || headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}
