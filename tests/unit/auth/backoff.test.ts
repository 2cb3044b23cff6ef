import { describe, expect, it } from "vitest";
import { ACCOUNT_POLICY, describeRetry, IP_POLICY, lockDurationMs } from "@/lib/server/login-throttle";
import { idleConfig, idlePhase, secondsLeft, shouldRefresh } from "@/lib/client/idle";
import { maskPhone } from "@/lib/server/sms";

const MIN = 60_000;

describe("sign-in back-off", () => {
  it("does not lock before the 5th consecutive failure, then doubles from 1 minute", () => {
    expect([1, 2, 3, 4].map((n) => lockDurationMs(n, ACCOUNT_POLICY))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map((n) => lockDurationMs(n, ACCOUNT_POLICY))).toEqual([1 * MIN, 2 * MIN, 4 * MIN, 8 * MIN]);
  });

  it("caps the lock at one hour, even for absurd counts", () => {
    expect(lockDurationMs(12, ACCOUNT_POLICY)).toBe(60 * MIN);
    expect(lockDurationMs(10_000, ACCOUNT_POLICY)).toBe(60 * MIN);
  });

  it("per-IP policy is looser than per-account", () => {
    expect(lockDurationMs(19, IP_POLICY)).toBe(0);
    expect(lockDurationMs(20, IP_POLICY)).toBe(MIN);
    expect(IP_POLICY.captchaAfter).toBe(3);
  });

  it("says when to try again in Beijing time", () => {
    const now = new Date("2026-03-01T06:00:00Z"); // 14:00 in Beijing
    expect(describeRetry(new Date(now.getTime() + 2 * MIN + 5_000), now)).toBe("14:02（约3分钟后）");
  });
});

describe("idle timer maths", () => {
  const cfg = idleConfig(30);
  it("warns 2 minutes before 30 idle minutes and refreshes at most once a minute", () => {
    expect(cfg).toEqual({ idleMs: 30 * MIN, warnBeforeMs: 2 * MIN, refreshEveryMs: MIN });
    const deadline = 30 * MIN;
    expect(idlePhase(27 * MIN, deadline, cfg)).toBe("active");
    expect(idlePhase(28 * MIN, deadline, cfg)).toBe("warning");
    expect(idlePhase(30 * MIN, deadline, cfg)).toBe("expired");
    expect(shouldRefresh(59_000, 0, cfg)).toBe(false);
    expect(shouldRefresh(60_000, 0, cfg)).toBe(true);
    expect(secondsLeft(28 * MIN, deadline)).toBe(120);
  });
  it("scales down for short test limits", () => {
    expect(idleConfig(1)).toEqual({ idleMs: MIN, warnBeforeMs: 30_000, refreshEveryMs: 15_000 });
  });
});

describe("maskPhone", () => {
  it("hides the middle four digits", () => {
    expect(maskPhone("13800000001")).toBe("138****0001");
  });
});
