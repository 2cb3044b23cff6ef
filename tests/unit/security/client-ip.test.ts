import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, clientIp, parseTrustedProxies, resolveClientIp } from "@/lib/server/client-ip";

const none = parseTrustedProxies(undefined);

describe("client address (ASVS V4.3 / V11.1.4: limits keyed by an address the client cannot choose)", () => {
  it("V11.1.4 without TRUSTED_PROXIES a forged X-Forwarded-For is ignored: the socket address counts", () => {
    expect(resolveClientIp("1.2.3.4", "203.0.113.9", none)).toBe("203.0.113.9");
    expect(resolveClientIp("1.2.3.4, 5.6.7.8", "::ffff:203.0.113.9", none)).toBe("203.0.113.9");
    // rotating the header never changes the bucket
    const buckets = new Set(Array.from({ length: 20 }, (_, i) => resolveClientIp(`10.9.8.${i}`, "198.51.100.2", none)));
    expect([...buckets]).toEqual(["198.51.100.2"]);
  });

  it("V11.1.4 a hop count trusts exactly that many proxies nearest the socket", () => {
    const one = parseTrustedProxies("1");
    // nginx (socket 10.0.0.2) appended the real client 198.51.100.7; the client prepended a forged 1.1.1.1
    expect(resolveClientIp("1.1.1.1, 198.51.100.7", "10.0.0.2", one)).toBe("198.51.100.7");
    expect(resolveClientIp(undefined, "10.0.0.2", one)).toBe("10.0.0.2");
    const two = parseTrustedProxies("2");
    expect(resolveClientIp("1.1.1.1, 198.51.100.7, 10.0.0.5", "10.0.0.2", two)).toBe("198.51.100.7");
  });

  it("V11.1.4 an address list walks left only through our own proxies", () => {
    const list = parseTrustedProxies("10.0.0.0/8, 127.0.0.1, fd00::/8");
    expect(resolveClientIp("1.1.1.1, 198.51.100.7, 10.1.2.3", "127.0.0.1", list)).toBe("198.51.100.7");
    // a request straight from the internet: its own header is not believed at all
    expect(resolveClientIp("10.0.0.1", "198.51.100.8", list)).toBe("198.51.100.8");
    expect(resolveClientIp("2001:db8::1", "fd00::5", list)).toBe("2001:db8::1");
    expect(resolveClientIp("garbage, 198.51.100.7", "10.0.0.3", list)).toBe("198.51.100.7");
  });

  it("refuses a malformed TRUSTED_PROXIES at start instead of trusting everything", () => {
    expect(() => parseTrustedProxies("proxy.example")).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("10.0.0.0/40")).toThrow(/TRUSTED_PROXIES/);
  });

  it("V4.3 the app reads only the header the portal's server stamped; X-Forwarded-For alone is never believed", () => {
    expect(clientIp({ "x-forwarded-for": "1.2.3.4" })).toBe("unknown");
    expect(clientIp({ [CLIENT_IP_HEADER]: "::ffff:127.0.0.1" })).toBe("127.0.0.1");
    expect(clientIp(new Headers({ [CLIENT_IP_HEADER]: "198.51.100.2" }))).toBe("198.51.100.2");
  });
});
