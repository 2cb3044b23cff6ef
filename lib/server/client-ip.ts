/**
 * The client address used for per-IP sign-in back-off.
 *
 * - TRUST_PROXY=1 (the portal sits behind a reverse proxy that appends to X-Forwarded-For): the first hop is the
 *   client as the proxy saw it.
 * - Otherwise: Next's own server fills X-Forwarded-For with the socket address when the request carries none, so the
 *   LAST entry is the socket address unless a client forged the header itself. A forged header can only move the
 *   caller into another per-IP bucket; the per-account limiter is keyed by login name and is never affected by it.
 */
export type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(h: HeaderBag, name: string): string | undefined {
  if (typeof (h as Headers).get === "function") return (h as Headers).get(name) ?? undefined;
  const v = (h as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? v.join(",") : v;
}

export function clientIp(h: HeaderBag, trustProxy = process.env.TRUST_PROXY === "1"): string {
  const hops = (header(h, "x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const ip = (trustProxy ? hops[0] : hops[hops.length - 1]) ?? header(h, "x-real-ip")?.trim();
  return normalizeIp(ip || "unknown");
}

function normalizeIp(ip: string): string {
  const v = ip.startsWith("::ffff:") ? ip.slice(7) : ip;
  return v.slice(0, 64);
}
