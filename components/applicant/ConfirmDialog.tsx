"use client";

import { type ReactNode, useEffect, useId, useRef } from "react";

/**
 * Modal confirmation (撤回, 删除, 修改 after signing …): Esc or 取消 closes it. `cancelLabel` and `busyLabel` come from
 * the server in the reader's language (dialogTexts()), Chinese by default.
 */
export function ConfirmDialog(props: {
  open: boolean;
  cancelLabel?: string;
  busyLabel?: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  danger?: boolean;
  wide?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const titleId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!props.open) return;
    confirmRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && props.onCancel();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [props.open, props.onCancel]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!props.open) return null;
  return (
    <div className="dialog-backdrop">
      <div
        className={`dialog${props.wide ? " ap-wide" : ""}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
      >
        <h2 id={titleId}>{props.title}</h2>
        {props.children}
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={props.onCancel} disabled={props.busy}>
            {props.cancelLabel ?? "取消"}
          </button>
          <button
            ref={confirmRef}
            type="button"
            className="btn"
            onClick={props.onConfirm}
            disabled={props.busy}
            style={props.danger ? { background: "var(--danger)", borderColor: "var(--danger)" } : undefined}
          >
            {props.busy ? (props.busyLabel ?? "正在处理…") : props.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
