"use client";

import Link from "next/link";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { MAX_UPLOAD_BYTES, type UploadCheckResponse } from "@/lib/services/documents/verify-upload-result";
import { CertificateFacts } from "./CertificateFacts";
import { StatusBadge } from "./StatusBadge";
import type { Tone } from "./status";
import styles from "./verify.module.css";

type Verdict = Extract<UploadCheckResponse, { ok: true }>;

function headline(v: Verdict): { tone: Tone; text: string } {
  if (!v.signatureValid) return { tone: "bad", text: "核验未通过：电子签名无效，该文件不能作为有效证书使用" };
  if (!v.matchesRegister) return { tone: "bad", text: "核验未通过：注册库中没有该证书的注册编号" };
  if (!v.isCurrentIssue) return { tone: "warn", text: "签名有效，但这不是该注册当前有效的电子证书" };
  if (v.certificate && v.certificate.status !== "valid")
    return { tone: "warn", text: `签名有效，但该注册当前状态为“${v.certificate.statusLabel}”` };
  return { tone: "ok", text: "核验通过：该电子证书真实有效，与注册库一致" };
}

export function UploadVerifier() {
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
    if (!file) return setError("请先选择要核验的电子证书 PDF 文件。");
    if (file.size > MAX_UPLOAD_BYTES)
      return setError("文件超过 5 MB。本平台签发的电子证书 PDF 通常不足 1 MB，请确认选择的是从“领证”下载的原件。");
    if (file.size === 0) return setError("所选文件是空的，请重新选择电子证书 PDF 文件。");
    const body = new FormData();
    body.set("file", file);
    setBusy(true);
    try {
      const res = await fetch("/verify/upload", { method: "POST", body });
      const data = (await res.json().catch(() => null)) as UploadCheckResponse | null;
      if (!data) setError("核验服务暂时无法使用，请稍后再试。");
      else if (!data.ok) setError(data.error);
      else setVerdict(data);
    } catch {
      setError("网络连接中断，文件未能上传。请检查网络后重新点击“开始核验”。");
    } finally {
      setBusy(false);
    }
  }

  const head = verdict ? headline(verdict) : null;
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="上传电子证书核验">
      <div className="field">
        <span className="label" id="certificate-file-label">
          电子证书文件（PDF）
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
            选择文件
          </span>
          <span className={`${styles.fileName} ${fileName ? "" : styles.placeholder}`} data-testid="chosen-file">
            {fileName ?? "未选择文件"}
          </span>
        </label>
        <span className="help" id="certificate-file-help">
          请上传从本平台“领证”下载的电子证书 PDF 原件，不超过 5 MB。文件仅用于本次核验，不会被保存。
        </span>
      </div>
      {error ? (
        <div className="alert alert-error" role="alert" data-testid="upload-error">
          {error}
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn" disabled={busy || !ready}>
          {busy ? "正在核验…" : "开始核验"}
        </button>
      </div>

      {verdict && head ? (
        <section className={styles.verdict} aria-live="polite" data-testid="upload-verdict">
          <div className={`${styles.verdictHead} ${styles[`verdictHead-${head.tone}`]}`}>{head.text}</div>
          <ul className={styles.checks}>
            <li>
              <span className={styles.label}>电子签名</span>
              <span data-testid="signature-result">
                {verdict.signatureValid ? (
                  <span className="pill ok">签名有效</span>
                ) : (
                  <span className="pill bad">签名无效</span>
                )}
                {verdict.signatureValid && verdict.signer ? (
                  <span className={styles.signer}>签名机关：{verdict.signer}</span>
                ) : null}
              </span>
            </li>
            <li>
              <span className={styles.label}>注册库比对</span>
              <span data-testid="register-result">
                {!verdict.matchesRegister ? (
                  <span className="pill bad">注册库中无此注册编号</span>
                ) : verdict.signatureValid ? (
                  <span className="pill ok">与注册库一致</span>
                ) : (
                  <span className={`pill warn ${styles.wrapPill}`}>无法确认（文件已被改动）</span>
                )}
              </span>
            </li>
            <li>
              <span className={styles.label}>证书版本</span>
              <span data-testid="issue-result">
                {verdict.isCurrentIssue ? (
                  <span className="pill ok">当前有效版本</span>
                ) : verdict.signatureValid ? (
                  <span className="pill warn">不是当前有效版本</span>
                ) : (
                  <span className="pill bad">无法确认（文件已被改动）</span>
                )}
              </span>
            </li>
            {verdict.certificate ? (
              <li>
                <span className={styles.label}>注册状态</span>
                <span>
                  <StatusBadge status={verdict.certificate.status} label={verdict.certificate.statusLabel} small />
                </span>
              </li>
            ) : null}
          </ul>
          {verdict.problems.length > 0 ? (
            <div>
              <p className={styles.subhead}>发现的问题</p>
              <ul className={styles.problems} data-testid="upload-problems">
                {verdict.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {verdict.certificate ? (
            <div>
              <p className={styles.subhead}>注册库中的公开信息</p>
              <CertificateFacts certificate={verdict.certificate} narrow />
              {verdict.certificate.replacedBy ? (
                <p className={styles.footnote}>
                  该证书已换发为新注册编号：
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
