"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useId, useRef, useState } from "react";
import type { Uploaded } from "./upload-file";

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
  /** The 刷新 button's text; Chinese unless the page passes the reader's language. */
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

/** An UploadButton's own words, from the server (dialogTexts()); `failed` has a {status} placeholder. */
export type UploadTexts = { busy: string; failed: string; offline: string };
const UPLOAD_ZH: UploadTexts = {
  busy: "正在上传…",
  failed: "上传失败（{status}），请稍后重试。",
  offline: "网络连接中断，文件未上传。请检查网络后重新上传。",
};

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
  /** Shown while uploading; Chinese unless the page passes the reader's language. */
  busyLabel?: string;
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
          {busy ? (props.busyLabel ?? texts.busy) : props.label}
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
            // The sending code loads when a file is picked, not with the page (issue 12 item 4); without its chunk
            // the file was not sent, which is what the offline message says.
            const res = await import("./upload-file").then(
              (m) =>
                m.uploadFile(props.kind, file, { applicationId: props.applicationId, purpose: props.purpose }, texts),
              () => ({ ok: false as const, error: texts.offline }),
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
