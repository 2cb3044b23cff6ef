"use client";

import { useEffect, useRef } from "react";
import type { AltchaWidgetElement } from "altcha/types/generic";
import type {} from "altcha/types/react"; // JSX typing of <altcha-widget>

/**
 * 人机验证: the self-hosted ALTCHA widget (bundled with the page, no third-party script). Ticking
 * “我不是机器人” makes the browser solve a proof-of-work challenge from /api/captcha (about a second, with progress);
 * the solved payload is handed to the form through `onPayload`. `version` changes whenever a new challenge is needed
 * (each solution is single-use), which remounts the widget.
 */
export function HumanCheck({
  onPayload,
  error,
  version,
  words,
}: {
  onPayload: (payload: string) => void;
  error?: string;
  version: number;
  /** Texts and the widget's language pack, in the page's language. */
  words: { label: string; help: string; language: "en" | "zh-cn" };
}) {
  const ref = useRef<AltchaWidgetElement | null>(null);
  const latest = useRef(onPayload);
  latest.current = onPayload;

  // `version` is the trigger — a new challenge remounts the widget, which needs its listener attached afresh.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see the comment above
  useEffect(() => {
    let cancelled = false;
    // The widget registers a custom element and touches `window`: load it in the browser only.
    const pack = words.language === "en" ? import("altcha/i18n/en") : import("altcha/i18n/zh-cn");
    void Promise.all([import("altcha"), pack]).then(() => {
      if (cancelled) return;
      const el = ref.current;
      if (!el) return;
      const onState = (e: Event) => {
        const d = (e as CustomEvent<{ state: string; payload?: string }>).detail;
        latest.current(d.state === "verified" && d.payload ? d.payload : "");
      };
      el.addEventListener("statechange", onState);
      cleanup = () => el.removeEventListener("statechange", onState);
    });
    let cleanup = () => {};
    latest.current("");
    return () => {
      cancelled = true;
      cleanup();
    };
  }, [version]);

  return (
    <div className="field" data-testid="human-check">
      <span className="label" id="human-check-label">
        {words.label}
        <span className="req">*</span>
      </span>
      <div key={version}>
        <altcha-widget
          ref={ref as React.Ref<HTMLElement>}
          challenge="/api/captcha"
          name="altcha"
          language={words.language}
          configuration={JSON.stringify({ hideFooter: true, hideLogo: false, minDuration: 500 })}
          aria-labelledby="human-check-label"
        />
      </div>
      <span className="help">{words.help}</span>
      {error ? <span className="error">{error}</span> : null}
    </div>
  );
}
