import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { certificateSerial } from "@/lib/services/documents/claim-certificate";
import { lookupCertificate, scannedIssue } from "@/lib/services/documents/verify-certificate";
import { claimCertificate } from "@/lib/services/documents/claim-certificate";
import {
  checkRegistrationNo,
  normalizeRegistrationNo,
  registrationNoFromSegment,
  verifyPath,
} from "@/lib/domain/registration-no";
import { spendVerifyPoints, VERIFY_COST, VERIFY_LIMIT, verifyKey } from "@/lib/server/verify-rate-limit";
import { testDb } from "../support/db";
import { zhengRegistrationPeriod } from "@/lib/server/seed/demo";
import { chinaDate } from "@/lib/server/clock";

async function seededAt(db: ReturnType<typeof testDb>): Promise<Date> {
  const [row] = await db.select().from(s.systemMeta).where(eq(s.systemMeta.key, "demo_seeded_at"));
  return new Date(row!.value);
}

const ZHENG = "建[造]21223301000001";

describe("注册编号 normalisation", () => {
  it.each([
    [ZHENG, ZHENG],
    ["  建[造]21223301000001  ", ZHENG],
    ["建【造】21223301000001", ZHENG],
    ["建［造］21223301000001", ZHENG],
    ["建（造）21223301000001", ZHENG],
    ["建〔造〕２１２２３３０１０００００１", ZHENG],
    ["建 [造] 2122 3301 0000 01", ZHENG],
    ["建造21223301000001", ZHENG],
    ["建\u3000[筑]1231100000007", "建[筑]1231100000007"],
  ])("%s → %s", (typed, expected) => {
    expect(normalizeRegistrationNo(typed)).toBe(expected);
    expect(checkRegistrationNo(typed)).toEqual({ ok: true, value: expected });
  });

  it("refuses empty and malformed input with a Chinese hint on what to type", () => {
    const empty = checkRegistrationNo("   ");
    expect(empty.ok).toBe(false);
    expect(!empty.ok && empty.error).toContain("请输入注册编号");
    for (const bad of ["12345", "建[造]12", "建[造]2122330100000a", "<script>", "x".repeat(200)]) {
      const r = checkRegistrationNo(bad);
      expect(r.ok, bad).toBe(false);
      expect(!r.ok && r.error).toContain("注册编号格式不正确");
      expect(r.value.length).toBeLessThanOrEqual(40);
    }
  });

  it("round-trips through the QR code's URL segment", () => {
    const path = verifyPath(ZHENG);
    expect(path).toBe(`/verify/${encodeURIComponent(ZHENG)}`);
    const segment = path.slice("/verify/".length);
    expect(registrationNoFromSegment(segment)).toBe(ZHENG);
    expect(registrationNoFromSegment(ZHENG)).toBe(ZHENG);
    expect(registrationNoFromSegment("%E0%A4%")).toBe("%E0%A4%"); // malformed escape: left as is, never throws
  });

  it("finds 郑犇 in the register by a typed (full-width) number", async () => {
    const db = testDb();
    const check = checkRegistrationNo("建【造】２１２２３３０１０００００１");
    expect(check.ok).toBe(true);
    const cert = await lookupCertificate(db, check.value, new Date("2026-11-21T08:00:00+08:00"));
    // The demo registration ends 19 days after the first start (lib/server/seed/demo.ts), so it can be extended then.
    const { validTo } = zhengRegistrationPeriod(chinaDate(await seededAt(db)));
    expect(cert).toMatchObject({ registrationNo: ZHENG, status: "valid", maskedName: "郑*", validTo });
    // The serial the QR code carries (claim-certificate.ts) and the one the page compares against must agree.
    const [reg] = await db.select().from(s.registrations).where(eq(s.registrations.registrationNo, ZHENG));
    expect(cert!.currentSerial).toBe(certificateSerial(reg!.id, reg!.updatedAt));
    expect(JSON.stringify(cert)).not.toMatch(/330102196711080011|13800000008|1967-11-08/);
  });
});

describe("a scanned QR code's certificate serial", () => {
  const title1 =
    "R3: names the current issue, an older issue of the same registration, or nothing this portal issued " +
    "(无法识别)";
  it(title1, async () => {
    process.env.PORTAL_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "portal-verify-"));
    const db = testDb();
    const [reg] = await db.select().from(s.registrations).where(eq(s.registrations.registrationNo, ZHENG));
    const [account] = await db
      .select()
      .from(s.userAccounts)
      .where(and(eq(s.userAccounts.personId, reg!.personId), eq(s.userAccounts.role, "applicant")));
    const zheng = {
      userId: account!.id,
      role: "applicant" as const,
      displayName: account!.displayName,
      personId: reg!.personId,
    };

    await claimCertificate(db, zheng, reg!.id, "http://localhost:3000");
    const first = certificateSerial(reg!.id, reg!.updatedAt);
    expect(await scannedIssue(db, ZHENG, first)).toBe("current");
    expect(await scannedIssue(db, ZHENG, first.toLowerCase())).toBe("current");

    // Something printed on it changes (as an employer rename does, R4); the holder claims the new issue.
    const later = new Date(reg!.updatedAt.getTime() + 1000);
    await db
      .update(s.registrations)
      .set({ updatedAt: later, certificateState: "unclaimed" })
      .where(eq(s.registrations.id, reg!.id));
    await claimCertificate(db, zheng, reg!.id, "http://localhost:3000");
    const second = certificateSerial(reg!.id, later);
    expect(second).not.toBe(first);
    expect(await scannedIssue(db, ZHENG, second)).toBe("current");
    expect(await scannedIssue(db, ZHENG, first)).toBe("older");

    // Forged, mistyped, or another registration's code: never "an older version".
    expect(await scannedIssue(db, ZHENG, "0123456789ABCDEF")).toBe("unrecognised");
    expect(await scannedIssue(db, "建[造]29999999999999", first)).toBe("unrecognised");
  });
});

describe("public look-up rate limit", () => {
  const db = testDb();
  const clear = () => db.delete(s.rateLimits).where(like(s.rateLimits.key, "verify:%"));
  beforeEach(clear);
  afterAll(clear);

  it("allows 60 look-ups a minute per address, then refuses with the time to wait", async () => {
    const t0 = new Date("2026-11-21T10:00:00Z");
    for (let i = 0; i < VERIFY_LIMIT.points; i++) {
      expect(await spendVerifyPoints(db, "203.0.113.7", VERIFY_COST.lookup, new Date(t0.getTime() + i * 100))).toEqual({
        allowed: true,
      });
    }
    const refused = await spendVerifyPoints(db, "203.0.113.7", VERIFY_COST.lookup, new Date(t0.getTime() + 10_000));
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 50 });
    // Another address is not affected.
    expect(await spendVerifyPoints(db, "198.51.100.1", VERIFY_COST.lookup, new Date(t0.getTime() + 10_000))).toEqual({
      allowed: true,
    });
    // A new window starts once the minute has passed (a fixed window: steady traffic does not extend it).
    expect(await spendVerifyPoints(db, "203.0.113.7", VERIFY_COST.lookup, new Date(t0.getTime() + 60_000))).toEqual({
      allowed: true,
    });
    const [row] = await db
      .select()
      .from(s.rateLimits)
      .where(eq(s.rateLimits.key, verifyKey("203.0.113.7")));
    expect(row).toMatchObject({ points: 1, expire: t0.getTime() + 120_000 });
  });

  it("counts an uploaded certificate as several look-ups", async () => {
    const t0 = new Date("2026-11-21T11:00:00Z");
    const per = VERIFY_LIMIT.points / VERIFY_COST.upload;
    for (let i = 0; i < per; i++)
      expect((await spendVerifyPoints(db, "192.0.2.9", VERIFY_COST.upload, t0)).allowed).toBe(true);
    expect((await spendVerifyPoints(db, "192.0.2.9", VERIFY_COST.upload, t0)).allowed).toBe(false);
  });

  it("does not let concurrent requests slip past the limit", async () => {
    const t0 = new Date("2026-11-21T12:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 80 }, () => spendVerifyPoints(db, "192.0.2.10", VERIFY_COST.lookup, t0)),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(VERIFY_LIMIT.points);
  });
});
