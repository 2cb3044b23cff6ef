import { decode, encode } from "next-auth/jwt";
import type { JWT } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeSessionToken, encodeSessionToken } from "@/lib/server/session-token";

// The portal's codec derives the key once; the cookie format must stay next-auth's own (issue 12): sessions issued
// before an upgrade, and any tool using next-auth's encode/decode, keep working.
const secret = "a-test-secret-of-reasonable-length-0123456789";
const token: JWT = { sub: "u-1", role: "applicant", gen: 3, authAt: 1_700_000_000_000, name: "张三" };

describe("session token codec", () => {
  it("reads a token next-auth wrote", async () => {
    const written = await encode({ token, secret, maxAge: 600 });
    expect(await decodeSessionToken({ token: written, secret })).toMatchObject(token);
  });

  it("writes a token next-auth reads, with next-auth's expiry and a fresh id", async () => {
    const written = await encodeSessionToken({ token, secret, maxAge: 600 });
    const read = await decode({ token: written, secret });
    expect(read).toMatchObject(token);
    expect((read!.exp as number) - (read!.iat as number)).toBe(600);
    const again = await decodeSessionToken({ token: await encodeSessionToken({ token, secret }), secret });
    expect(again!.jti).not.toBe(read!.jti);
  });

  it("refuses a token written with another secret, and an expired one", async () => {
    const other = await encodeSessionToken({ token, secret: `${secret}-other`, maxAge: 600 });
    await expect(decodeSessionToken({ token: other, secret })).rejects.toThrow();
    const expired = await encodeSessionToken({ token, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow();
  });

  it("answers null for no token", async () => {
    expect(await decodeSessionToken({ token: "", secret })).toBeNull();
  });

  describe("a token opened before (the same cookie on every request)", () => {
    afterEach(() => vi.useRealTimers());

    it("gives each caller its own copy: changing one (as a renewal does) changes nothing for the next", async () => {
      const written = await encodeSessionToken({ token, secret, maxAge: 600 });
      const first = await decodeSessionToken({ token: written, secret });
      first!.gen = 99;
      expect(await decodeSessionToken({ token: written, secret })).toMatchObject({ gen: 3 });
    });

    it("still ends at its expiry", async () => {
      vi.useFakeTimers({ now: Date.now(), toFake: ["Date"] });
      const written = await encodeSessionToken({ token, secret, maxAge: 60 });
      await expect(decodeSessionToken({ token: written, secret })).resolves.toMatchObject({ sub: "u-1" });
      vi.setSystemTime(Date.now() + 60_000 + 10_000);
      await expect(decodeSessionToken({ token: written, secret })).resolves.toMatchObject({ sub: "u-1" });
      vi.setSystemTime(Date.now() + 10_000);
      await expect(decodeSessionToken({ token: written, secret })).rejects.toMatchObject({ name: "JWTExpired" });
    });

    it("is not opened with another secret", async () => {
      const written = await encodeSessionToken({ token, secret, maxAge: 600 });
      await decodeSessionToken({ token: written, secret });
      await expect(decodeSessionToken({ token: written, secret: `${secret}-other` })).rejects.toThrow();
    });
  });
});
