/**
 * Idle-session arithmetic for components/shell/IdleTimer.tsx (pure, unit-tested).
 *
 * The server session (JWT) expires `idleMs` after it was last refreshed. The browser refreshes it (GET
 * /api/auth/session, which re-issues the cookie) when the user is active, at most once per `refreshEveryMs`. So the
 * real deadline is lastRefresh + idleMs, and that is what the timer counts down to.
 */
export interface IdleConfig {
  idleMs: number;
  /** How long before the deadline the warning dialog appears. */
  warnBeforeMs: number;
  refreshEveryMs: number;
}

export function idleConfig(idleMinutes: number): IdleConfig {
  const idleMs = Math.round(idleMinutes * 60_000);
  // 2 minutes' warning for the normal 30-minute limit; short limits (tests) warn at half time.
  const warnBeforeMs = Math.min(2 * 60_000, Math.floor(idleMs / 2));
  return { idleMs, warnBeforeMs, refreshEveryMs: Math.min(60_000, Math.floor(idleMs / 4)) };
}

export type IdlePhase = "active" | "warning" | "expired";

export function idlePhase(now: number, deadline: number, cfg: IdleConfig): IdlePhase {
  if (now >= deadline) return "expired";
  if (now >= deadline - cfg.warnBeforeMs) return "warning";
  return "active";
}

/** Activity refreshes the server session only when the last refresh is old enough (≤ 1 request a minute). */
export function shouldRefresh(now: number, lastRefresh: number, cfg: IdleConfig): boolean {
  return now - lastRefresh >= cfg.refreshEveryMs;
}

export function secondsLeft(now: number, deadline: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}
