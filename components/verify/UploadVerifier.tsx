"use client";

import Link from "next/link";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { MAX_UPLOAD_BYTES, type UploadCheckResponse } from "@/lib/services/documents/verify-upload-result";
import { CertificateFacts } from "./CertificateFacts";
import { StatusBadge } from "./StatusBadge";
import type { Tone } from "./status";
import type { UploadVerifierWords } from "./verify-words";
import styles from "./verify.module.css";

type Verdict = Extract<UploadCheckResponse, { ok: true }>;

function headline(v: Verdict, w: UploadVerifierWords): { tone: Tone; text: string } {
  if (!v.signatureValid) return { tone: "bad", text: w.badSignature };
  if (!v.matchesRegister) return { tone: "bad", text: w.notInRegister };
  if (!v.isCurrentIssue) return { tone: "warn", text: w.notCurrent };
  if (v.certificate && v.certificate.status !== "valid")
    return { tone: "warn", text: w.statusNow.replace("{status}", w.status[v.certificate.status]) };
  return { tone: "ok", text: w.passed };
}

/** 上传电子证书核验; texts come from the page in its language (`words`). */
export function UploadVerifier({ words: w }: { words: UploadVerifierWords }) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [busy, setBusy] = useState(false);
  const [fileName, setFileName] = useState<string | null>(null);
  // Until the page is interactive the button stays disabled, so a quick click never falls back to a plain form post.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    setVerdict(null);
    const file = input.current?.files?.[0];
    if (!file) return setError(w.chooseFirst);
    if (file.size > MAX_UPLOAD_BYTES) return setError(w.tooLarge);
    if (file.size === 0) return setError(w.emptyFile);
    const body = new FormData();
    body.set("file", file);
    setBusy(true);
    try {
      const res = await fetch("/verify/upload", { method: "POST", body });
      const data = (await res.json().catch(() => null)) as UploadCheckResponse | null;
      if (!data) setError(w.unavailable);
      else if (!data.ok) setError(data.error);
      else setVerdict(data);
    } catch {
      setError(w.network);
    } finally {
      setBusy(false);
    }
  }

  const head = verdict ? headline(verdict, w) : null;
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={w.formLabel}>
      <div className="field">
        <span className="label" id="certificate-file-label">
          {w.fileLabel}
        </span>
        <label className={styles.picker}>
          <input
            ref={input}
            id="certificate-file"
            name="file"
            type="file"
            accept="application/pdf,.pdf"
            className="visually-hidden"
            aria-labelledby="certificate-file-label"
            aria-describedby="certificate-file-help"
            aria-invalid={error ? true : undefined}
            onChange={(e) => {
              setFileName(e.currentTarget.files?.[0]?.name ?? null);
              setError(null);
              setVerdict(null);
            }}
          />
          <span className={`btn btn-secondary btn-sm ${styles.pickerButton}`} aria-hidden="true">
            {w.choose}
          </span>
          <span className={`${styles.fileName} ${fileName ? "" : styles.placeholder}`} data-testid="chosen-file">
            {fileName ?? w.noFile}
          </span>
        </label>
        <span className="help" id="certificate-file-help">
          {w.help}
        </span>
      </div>
      {error ? (
        <div className="alert alert-error" role="alert" data-testid="upload-error">
          {error}
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn" disabled={busy || !ready}>
          {busy ? w.checking : w.check}
        </button>
      </div>

      {verdict && head ? (
        <section className={styles.verdict} aria-live="polite" data-testid="upload-verdict">
          <div className={`${styles.verdictHead} ${styles[`verdictHead-${head.tone}`]}`}>{head.text}</div>
          <ul className={styles.checks}>
            <li>
              <span className={styles.label}>{w.signature}</span>
              <span data-testid="signature-result">
                {verdict.signatureValid ? (
                  <span className="pill ok">{w.signatureValid}</span>
                ) : (
                  <span className="pill bad">{w.signatureInvalid}</span>
                )}
                {verdict.signatureValid && verdict.signer ? (
                  <span className={styles.signer}>{w.signer.replace("{signer}", verdict.signer)}</span>
                ) : null}
              </span>
            </li>
            <li>
              <span className={styles.label}>{w.register}</span>
              <span data-testid="register-result">
                {!verdict.matchesRegister ? (
                  <span className="pill bad">{w.noSuchNumber}</span>
                ) : verdict.signatureValid ? (
                  <span className="pill ok">{w.matches}</span>
                ) : (
                  <span className={`pill warn ${styles.wrapPill}`}>{w.cannotConfirm}</span>
                )}
              </span>
            </li>
            <li>
              <span className={styles.label}>{w.version}</span>
              <span data-testid="issue-result">
                {verdict.isCurrentIssue ? (
                  <span className="pill ok">{w.currentVersion}</span>
                ) : verdict.signatureValid ? (
                  <span className="pill warn">{w.notCurrentVersion}</span>
                ) : (
                  <span className="pill bad">{w.cannotConfirm}</span>
                )}
              </span>
            </li>
            {verdict.certificate ? (
              <li>
                <span className={styles.label}>{w.statusRow}</span>
                <span>
                  <StatusBadge status={verdict.certificate.status} label={w.status[verdict.certificate.status]} small />
                </span>
              </li>
            ) : null}
          </ul>
          {verdict.problems.length > 0 ? (
            <div>
              <p className={styles.subhead}>{w.problems}</p>
              <ul className={styles.problems} data-testid="upload-problems">
                {verdict.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {verdict.certificate ? (
            <div>
              <p className={styles.subhead}>{w.publicFacts}</p>
              <CertificateFacts certificate={verdict.certificate} labels={w.facts} narrow />
              {verdict.certificate.replacedBy ? (
                <p className={styles.footnote}>
                  {w.replacedBy}
                  <Link href={`/verify/${encodeURIComponent(verdict.certificate.replacedBy)}`}>
                    {verdict.certificate.replacedBy}
                  </Link>
                </p>
              ) : null}
            </div>
          ) : null}
        </section>
      ) : null}
    </form>
  );
}
