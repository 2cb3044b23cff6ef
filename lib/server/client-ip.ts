import { isIP } from "node:net";

/**
 * The client address used for per-IP limits (sign-in back-off, code requests, certificate checks).
 *
 * Next's own server copies the socket address into X-Forwarded-For only when the request carries none, so from inside
 * the app a forged header is indistinguishable from a proxy's. The portal's HTTP server (scripts/start.ts)
 * therefore resolves the address from the socket BEFORE Next sees the request and passes it on in
 * CLIENT_IP_HEADER, overwriting anything a client sent under that name (ASVS V4.3 / V11.1.4).
 *
 * X-Forwarded-For is believed only as far as TRUSTED_PROXIES allows (the semantics of Express's "trust proxy"):
 *  - unset / empty: no proxy is trusted, the socket address is the client;
 *  - a number n: the n hops nearest the socket are our proxies (n = 1: one nginx in front);
 *  - a list of addresses or CIDR ranges ("10.0.0.0/8, 127.0.0.1"): walk from the socket leftwards through the header
 *    while the hop is one of ours; the first hop that is not is the client.
 */
export const CLIENT_IP_HEADER = "x-portal-client-ip";

export type TrustedProxies = { kind: "none" } | { kind: "hops"; count: number } | { kind: "list"; ranges: Cidr[] };
type Cidr = { bytes: number[]; bits: number };

export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const v = (value ?? "").trim();
  if (!v || v === "0") return { kind: "none" };
  if (/^\d+$/.test(v)) return { kind: "hops", count: Math.min(Number(v), 32) };
  const ranges: Cidr[] = [];
  for (const part of v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [addr, bitsText] = part.split("/");
    const bytes = ipBytes(addr ?? "");
    if (!bytes) throw new Error(`TRUSTED_PROXIES: “${part}” is not an IP address or CIDR range`);
    const bits = bitsText === undefined ? bytes.length * 8 : Number(bitsText);
    if (!Number.isInteger(bits) || bits < 0 || bits > bytes.length * 8)
      throw new Error(`TRUSTED_PROXIES: bad prefix in “${part}”`);
    ranges.push({ bytes, bits });
  }
  return { kind: "list", ranges };
}

/** The client address for one request: `socketAddress` is the TCP peer, `forwardedFor` the raw header (if any). */
export function resolveClientIp(
  forwardedFor: string | undefined,
  socketAddress: string | undefined,
  trusted: TrustedProxies,
): string {
  const socket = normalizeIp(socketAddress ?? "");
  if (trusted.kind === "none") return socket || "unknown";
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((s) => normalizeIp(s.trim()))
    .filter(Boolean);
  // Nearest first: the socket, then the header from right to left.
  const chain = [socket, ...hops.reverse()].filter(Boolean);
  if (chain.length === 0) return "unknown";
  if (trusted.kind === "hops") return chain[Math.min(trusted.count, chain.length - 1)]!;
  for (let i = 0; i < chain.length; i++) {
    if (!isTrusted(chain[i]!, trusted.ranges)) return chain[i]!;
  }
  return chain[chain.length - 1]!;
}

export type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(h: HeaderBag, name: string): string | undefined {
  if (typeof (h as Headers).get === "function") return (h as Headers).get(name) ?? undefined;
  const v = (h as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * The address the portal's HTTP server resolved. Without it (e.g. `next dev`, which bypasses that server) every
 * request shares the bucket "unknown": per-IP limits then get stricter, never bypassable.
 */
export function clientIp(h: HeaderBag): string {
  const v = header(h, CLIENT_IP_HEADER)?.trim();
  return v ? normalizeIp(v) : "unknown";
}

function normalizeIp(ip: string): string {
  let v = ip.trim();
  if (v.startsWith("[") && v.includes("]"))
    v = v.slice(1, v.indexOf("]")); // [v6]:port
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(v)) v = v.slice(0, v.lastIndexOf(":")); // v4:port
  if (v.toLowerCase().startsWith("::ffff:") && isIP(v.slice(7)) === 4) v = v.slice(7);
  return isIP(v) ? v.toLowerCase() : "";
}

function ipBytes(ip: string): number[] | null {
  const v = normalizeIp(ip);
  if (isIP(v) === 4) return v.split(".").map(Number);
  if (isIP(v) !== 6) return null;
  const [head, tail] = v.includes("::") ? v.split("::") : [v, undefined];
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill("0"), ...t];
  if (groups.length !== 8) return null;
  return groups.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
}

function isTrusted(ip: string, ranges: Cidr[]): boolean {
  const bytes = ipBytes(ip);
  if (!bytes) return false;
  return ranges.some((r) => {
    if (r.bytes.length !== bytes.length) return false;
    let bits = r.bits;
    for (let i = 0; bits > 0; i++, bits -= 8) {
      const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
      if ((bytes[i]! & mask) !== (r.bytes[i]! & mask)) return false;
    }
    return true;
  });
}

/** Reads TRUSTED_PROXIES once per process (a typo fails the start, not every request). */
let configured: TrustedProxies | undefined;
export function trustedProxiesFromEnv(): TrustedProxies {
  configured ??= parseTrustedProxies(process.env.TRUSTED_PROXIES);
  return configured;
}
