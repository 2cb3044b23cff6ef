"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { fill } from "@/components/ui/fill";

/**
 * An action's refusal (already in the reader's language); a conflict (someone changed it first) offers 刷新, whose
 * label comes from the server in the reader's language (dialogTexts().refresh), Chinese by default.
 */
export function Problem({
  error,
  conflict,
  onDismiss,
  refreshLabel = "刷新",
}: {
  error: string | null | undefined;
  conflict?: boolean;
  onDismiss?: () => void;
  refreshLabel?: string;
}) {
  const router = useRouter();
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert" data-testid="problem">
      {error}
      {conflict ? (
        <>
          {" "}
          <button
            type="button"
            className="btn-link"
            onClick={() => {
              onDismiss?.();
              router.refresh();
            }}
          >
            {refreshLabel}
          </button>
        </>
      ) : null}
    </div>
  );
}

export function Notice({ children, kind = "success" }: { children: ReactNode; kind?: "success" | "info" | "warning" }) {
  return (
    <div className={`alert alert-${kind}`} role="status">
      {children}
    </div>
  );
}

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

export type Uploaded = { fileId: string; byteSize: number; fileName: string };

/** An UploadButton's own words, from the server (dialogTexts()); `failed` has a {status} placeholder. */
export type UploadTexts = { busy: string; failed: string; offline: string };
const UPLOAD_ZH: UploadTexts = {
  busy: "正在上传…",
  failed: "上传失败（{status}），请稍后重试。",
  offline: "网络连接中断，文件未上传。请检查网络后重新上传。",
};

/** Sends one file to /applicant/uploads (route handler: files may exceed server actions' 1 MB body limit). */
async function uploadFile(
  kind: "photo" | "signature" | "scan" | "correction",
  file: File,
  extra: { applicationId?: string; purpose?: string } = {},
  texts: UploadTexts = UPLOAD_ZH,
): Promise<({ ok: true } & Uploaded) | { ok: false; error: string }> {
  const body = new FormData();
  body.set("file", file);
  body.set("kind", kind);
  if (extra.applicationId) body.set("applicationId", extra.applicationId);
  if (extra.purpose) body.set("purpose", extra.purpose);
  try {
    const res = await fetch("/applicant/uploads", { method: "POST", body });
    const data = (await res.json().catch(() => null)) as
      | ({ ok: true } & Uploaded)
      | { ok: false; error: string }
      | null;
    if (!data) return { ok: false, error: fill(texts.failed, { status: res.status }) };
    return data;
  } catch {
    return { ok: false, error: texts.offline };
  }
}

/** A file input that uploads as soon as a file is chosen. */
export function UploadButton(props: {
  kind: "photo" | "signature" | "scan" | "correction";
  label: string;
  accept: string;
  applicationId?: string;
  purpose?: string;
  id?: string;
  onUploaded: (u: Uploaded) => void | Promise<void>;
  disabled?: boolean;
  texts?: UploadTexts;
}) {
  const texts = props.texts ?? UPLOAD_ZH;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const autoId = useId();
  const id = props.id ?? autoId;
  return (
    <div className="field">
      <div className="ap-inline">
        <label htmlFor={id} className={`btn btn-secondary btn-sm${props.disabled || busy ? " disabled" : ""}`}>
          {busy ? texts.busy : props.label}
        </label>
        <input
          ref={inputRef}
          id={id}
          type="file"
          accept={props.accept}
          className="visually-hidden"
          disabled={props.disabled || busy}
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            setBusy(true);
            setError(null);
            const res = await uploadFile(
              props.kind,
              file,
              { applicationId: props.applicationId, purpose: props.purpose },
              texts,
            );
            setBusy(false);
            if (inputRef.current) inputRef.current.value = "";
            if (!res.ok) return setError(res.error);
            await props.onUploaded({ fileId: res.fileId, byteSize: res.byteSize, fileName: file.name });
          }}
        />
      </div>
      {error ? (
        <span className="error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}

export function kb(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
