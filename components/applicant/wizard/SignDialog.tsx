"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useState } from "react";
import type { ActionResult as Outcome } from "@/lib/action-result";
import type { Messages } from "@/lib/i18n/catalog";
import { fill } from "@/lib/i18n/fill";
import { Problem } from "../ui";

/**
 * 个人数字签名 (`002` §3.1.1.6–8): preview the form that will be signed, 获取验证码 (to the phone on record, resend after
 * 60 s), enter it, 签名确认. The server signs the PDF with the applicant's certificate and files the application.
 */
export function SignDialog(props: {
  applicationId: string;
  version: number;
  fileName: string;
  onClose: () => void;
  sendCode: (applicationId: string) => Promise<Outcome<{ maskedPhone: string }>>;
  sign: (
    applicationId: string,
    version: number,
    code: string,
  ) => Promise<Outcome<{ statusLabel: string; formPdfFileId: string | null }>>;
  text: Messages["filing"]["client"]["sign"];
}) {
  const tx = props.text;
  const router = useRouter();
  const titleId = useId();
  const [masked, setMasked] = useState<string | null>(null);
  const [resendIn, setResendIn] = useState(0);
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState<"send" | "sign" | null>(null);
  const [problem, setProblem] = useState<Outcome | null>(null);
  const [codeError, setCodeError] = useState<string | null>(null);

  useEffect(() => {
    if (resendIn <= 0) return;
    const t = setTimeout(() => setResendIn((s) => s - 1), 1000);
    return () => clearTimeout(t);
  }, [resendIn]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && !busy && props.onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [busy, props]);

  const send = async () => {
    setBusy("send");
    setProblem(null);
    const res = await props.sendCode(props.applicationId);
    setBusy(null);
    if (!res.ok) {
      // "请 N 秒后再重新获取" / "… in N seconds": the refusal names the wait in the reader's language.
      const wait = /请\s*(\d+)\s*秒后|in (\d+) seconds?/.exec(res.error);
      if (wait) setResendIn(Number(wait[1] ?? wait[2]));
      return setProblem(res);
    }
    setMasked(res.maskedPhone);
    setResendIn(60);
  };

  const confirm = async () => {
    if (!/^\d{6}$/.test(code.trim())) return setCodeError(tx.sixDigits);
    setCodeError(null);
    setBusy("sign");
    setProblem(null);
    const res = await props.sign(props.applicationId, props.version, code);
    if (!res.ok) {
      setBusy(null);
      setCodeError(res.fieldErrors?.code ?? null);
      return setProblem(res.fieldErrors?.code ? null : res);
    }
    router.push(`/applicant/applications/${props.applicationId}?signed=1`);
  };

  return (
    <div className="dialog-backdrop">
      <div className="dialog ap-wide" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId}>{tx.title}</h2>
        <p className="ap-muted mt-0">{tx.intro}</p>
        <div className="form">
          <div className="field">
            <span className="label">{tx.file}</span>
            <span>
              {props.fileName}{" "}
              <a href={`/applicant/applications/${props.applicationId}/preview`} target="_blank" rel="noopener">
                {tx.preview}
              </a>
            </span>
          </div>
          <div className="field">
            <span className="label">{tx.phone}</span>
            {/* The masked number appears only once the server has sent the code (the text is then in the outbox). */}
            {masked ? <span data-testid="masked-phone">{masked}</span> : <span>{tx.phoneHint}</span>}
          </div>
          <div className="field">
            <label htmlFor={`${titleId}-code`}>
              {tx.code}
              <span className="req">*</span>
            </label>
            <div className="captcha-row">
              <input
                id={`${titleId}-code`}
                className="input"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={code}
                aria-invalid={codeError ? true : undefined}
                onChange={(e) => setCode(e.target.value.replace(/\D/g, ""))}
              />
              <button
                type="button"
                className="btn btn-secondary"
                onClick={send}
                disabled={busy !== null || resendIn > 0}
              >
                {busy === "send"
                  ? tx.sending
                  : resendIn > 0
                    ? fill(tx.resendIn, { n: resendIn })
                    : masked
                      ? tx.resend
                      : tx.get}
              </button>
            </div>
            {masked ? <span className="help">{fill(tx.sent, { phone: masked })}</span> : null}
            {codeError ? <span className="error">{codeError}</span> : null}
          </div>
          <Problem
            error={problem && !problem.ok ? problem.error : null}
            conflict={problem && !problem.ok ? problem.conflict : false}
          />
        </div>
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={props.onClose} disabled={busy !== null}>
            {tx.close}
          </button>
          <button type="button" className="btn" onClick={confirm} disabled={busy !== null || !masked}>
            {busy === "sign" ? tx.signing : tx.confirm}
          </button>
        </div>
      </div>
    </div>
  );
}
