"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { idleConfig, idlePhase, secondsLeft, shouldRefresh } from "@/lib/client/idle";
import { fill } from "@/components/ui/fill";
import { signOutTo } from "./SignOutButton";

/** The warning's words from the server (shellTexts); `body` has {minutes} and {time} placeholders. */
export type IdleTexts = { title: string; body: string; signOutNow: string; stay: string };

const STORAGE_KEY = "portal.sessionDeadline";
const ACTIVITY_EVENTS = ["pointerdown", "keydown", "scroll", "touchstart", "mousemove"] as const;

/**
 * Ends the session after `idleMinutes` without activity, warning 2 minutes before. Activity refreshes the server
 * session (at most once a minute); other tabs learn the new deadline through localStorage.
 */
export function IdleTimer({
  idleMinutes,
  loginPath,
  texts,
}: {
  idleMinutes: number;
  loginPath: string;
  texts: IdleTexts;
}) {
  const cfg = idleConfig(idleMinutes);
  const [phase, setPhase] = useState<"active" | "warning">("active");
  const [left, setLeft] = useState(0);
  const deadline = useRef(Date.now() + cfg.idleMs);
  const lastRefresh = useRef(0);
  const ending = useRef(false);
  const warning = useRef(false);

  const end = useCallback(
    (reason: "timeout" | "revoked") => {
      if (ending.current) return;
      ending.current = true;
      void signOutTo(`${loginPath}?reason=${reason}`);
    },
    [loginPath],
  );

  const refresh = useCallback(async () => {
    const started = Date.now();
    lastRefresh.current = started;
    try {
      const res = await fetch("/api/auth/session", { cache: "no-store", credentials: "same-origin" });
      const body = (await res.json()) as { user?: unknown } | null;
      if (!body?.user) return end("revoked");
      deadline.current = started + cfg.idleMs;
      try {
        localStorage.setItem(STORAGE_KEY, String(deadline.current));
      } catch {}
    } catch {
      // Network hiccup: keep the old deadline; the next activity tries again.
      lastRefresh.current = 0;
    }
  }, [cfg.idleMs, end]);

  // `cfg` is rebuilt each render from `idleMinutes`, so `idleMinutes` is the dependency that says when it changed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see the comment above
  useEffect(() => {
    void refresh();
    const onActivity = () => {
      if (warning.current || ending.current) return; // during the warning only the button counts
      if (shouldRefresh(Date.now(), lastRefresh.current, cfg)) void refresh();
    };
    const onStorage = (e: StorageEvent) => {
      if (e.key === STORAGE_KEY && e.newValue) {
        const d = Number(e.newValue);
        if (d > deadline.current) deadline.current = d;
      }
    };
    for (const ev of ACTIVITY_EVENTS) window.addEventListener(ev, onActivity, { passive: true });
    window.addEventListener("storage", onStorage);
    const tick = window.setInterval(() => {
      const now = Date.now();
      const p = idlePhase(now, deadline.current, cfg);
      if (p === "expired") return end("timeout");
      warning.current = p === "warning";
      setPhase(p);
      if (p === "warning") setLeft(secondsLeft(now, deadline.current));
    }, 1000);
    return () => {
      for (const ev of ACTIVITY_EVENTS) window.removeEventListener(ev, onActivity);
      window.removeEventListener("storage", onStorage);
      window.clearInterval(tick);
    };
  }, [idleMinutes, refresh, end]);

  if (phase !== "warning") return null;
  const mm = Math.floor(left / 60);
  const ss = String(left % 60).padStart(2, "0");
  return (
    <div className="dialog-backdrop" role="presentation">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="idle-title"
        aria-describedby="idle-desc"
      >
        <h2 id="idle-title">{texts.title}</h2>
        <p id="idle-desc">
          {fill(texts.body, { minutes: Math.max(1, Math.round(cfg.warnBeforeMs / 60_000)), time: `${mm}:${ss}` })}
        </p>
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={() => end("timeout")}>
            {texts.signOutNow}
          </button>
          <button
            type="button"
            className="btn"
            // biome-ignore lint/a11y/noAutofocus: the warning is a modal dialog; focus belongs on its default action.
            autoFocus
            onClick={() => {
              warning.current = false;
              setPhase("active");
              void refresh();
            }}
          >
            {texts.stay}
          </button>
        </div>
      </div>
    </div>
  );
}
