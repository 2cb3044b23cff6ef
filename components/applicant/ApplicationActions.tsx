"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult as Outcome } from "@/lib/action-result";
import type { Messages } from "@/lib/i18n/catalog";
import { fill } from "@/lib/i18n/fill";
import { kb, Notice, Problem, UploadButton } from "./ui";
import { ConfirmDialog } from "./ConfirmDialog";

type Op = "edit_after_sign" | "withdraw" | "delete" | "resubmit";

/**
 * The applicant's buttons on an application, exactly those the engine allows now (availableActions): 继续填写,
 * 修改 after signing (G9), 撤回 (W1/W2), 删除 (W3), 补正 (W4), 修改后重新申报 (W5), 公示期补正 (W6).
 */
export function ApplicationActions(props: {
  applicationId: string;
  version: number;
  actions: string[];
  withdrawNeedsConsent: boolean;
  correction: { content: string; reason: string } | null;
  noticeReasons: string[];
  uploadLimits: string[];
  uploadAccept: string;
  run: (applicationId: string, version: number, op: Op, opinion?: string) => Promise<Outcome>;
  submitCorrection: (
    applicationId: string,
    version: number,
    fileIds: string[],
    during: "correction" | "notice",
    opinion?: string,
  ) => Promise<Outcome>;
  acceptanceNotice?: (applicationId: string) => Promise<Outcome<{ fileId: string }>>;
  showNotice: boolean;
  /** The texts in the reader's language (from the page: client components never import next-intl). */
  text: Messages["filing"]["actions"];
}) {
  const tx = props.text;
  const router = useRouter();
  const [confirming, setConfirming] = useState<Op | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Outcome | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [opinion, setOpinion] = useState("");
  const [uploads, setUploads] = useState<{ fileId: string; fileName: string; byteSize: number }[]>([]);
  const has = (a: string) => props.actions.includes(a);

  const run = async (op: Op) => {
    setBusy(true);
    setProblem(null);
    const res = await props.run(props.applicationId, props.version, op, op === "withdraw" ? opinion : undefined);
    setBusy(false);
    setConfirming(null);
    if (!res.ok) return setProblem(res);
    if (op === "edit_after_sign" || op === "resubmit")
      return router.push(`/applicant/applications/${props.applicationId}/edit`);
    if (op === "delete") return router.push("/applicant/applications?deleted=1");
    setDone(op === "withdraw" ? (props.withdrawNeedsConsent ? tx.withdrawPending : tx.withdrawn) : tx.done);
    router.refresh();
  };

  const submit = async (during: "correction" | "notice") => {
    setBusy(true);
    setProblem(null);
    const res = await props.submitCorrection(
      props.applicationId,
      props.version,
      uploads.map((u) => u.fileId),
      during,
      opinion || undefined,
    );
    setBusy(false);
    if (!res.ok) return setProblem(res);
    setUploads([]);
    setDone(during === "notice" ? tx.noticeCorrectionSent : tx.correctionSent);
    router.refresh();
  };

  const correctionPanel = (during: "correction" | "notice") => (
    <section className="card" data-testid={during === "correction" ? "correction-panel" : "notice-panel"}>
      <h2>{during === "correction" ? tx.correction : tx.noticeCorrection}</h2>
      {during === "correction" && props.correction ? (
        <dl className="facts mb-3">
          <div>
            <dt>{tx.correctionContent}</dt>
            <dd>{props.correction.content}</dd>
          </div>
          <div>
            <dt>{tx.correctionReason}</dt>
            <dd>{props.correction.reason}</dd>
          </div>
        </dl>
      ) : null}
      {during === "notice" && props.noticeReasons.length ? (
        <div className="alert alert-warning mb-3">
          {fill(tx.noticeReasons, { reasons: props.noticeReasons.join("；") })}
        </div>
      ) : null}
      <p className="ap-muted mt-0">{fill(tx.uploadHint, { limits: props.uploadLimits.join("；") })}</p>
      <ul>
        {uploads.map((u) => (
          <li key={u.fileId}>
            <a href={`/files/${u.fileId}`} target="_blank" rel="noopener">
              {u.fileName}
            </a>
            （{kb(u.byteSize)}）{" "}
            <button
              type="button"
              className="btn-link"
              onClick={() => setUploads(uploads.filter((x) => x.fileId !== u.fileId))}
            >
              {tx.remove}
            </button>
          </li>
        ))}
      </ul>
      <div className="form">
        <UploadButton
          kind="correction"
          label={tx.upload}
          busyLabel={tx.uploading}
          accept={props.uploadAccept}
          applicationId={props.applicationId}
          purpose={during === "correction" ? "correction" : "notice_correction"}
          onUploaded={(u) => setUploads((cur) => [...cur, u])}
        />
        <div className="field">
          <label htmlFor="correction-note">{tx.note}</label>
          <textarea
            id="correction-note"
            className="textarea"
            rows={2}
            value={opinion}
            onChange={(e) => setOpinion(e.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="button" className="btn" disabled={busy || uploads.length === 0} onClick={() => submit(during)}>
            {busy ? tx.submitting : tx.submit}
          </button>
        </div>
      </div>
    </section>
  );

  const openNotice = async () => {
    if (!props.acceptanceNotice) return;
    setBusy(true);
    const res = await props.acceptanceNotice(props.applicationId);
    setBusy(false);
    if (!res.ok) return setProblem(res);
    window.open(`/files/${res.fileId}`, "_blank", "noopener");
  };

  return (
    <>
      <div className="ap-inline mt-3 mb-3" data-testid="application-actions">
        {has("save") || has("sign") ? (
          <Link className="btn" href={`/applicant/applications/${props.applicationId}/edit`}>
            {has("sign") ? tx.continueSign : tx.continue}
          </Link>
        ) : null}
        {has("edit_after_sign") ? (
          <button type="button" className="btn btn-secondary" onClick={() => setConfirming("edit_after_sign")}>
            {tx.edit}
          </button>
        ) : null}
        {has("withdraw") ? (
          <button type="button" className="btn btn-secondary" onClick={() => setConfirming("withdraw")}>
            {tx.withdraw}
          </button>
        ) : null}
        {has("resubmit") ? (
          <button type="button" className="btn" onClick={() => setConfirming("resubmit")}>
            {tx.resubmit}
          </button>
        ) : null}
        {has("delete") ? (
          <button
            type="button"
            className="btn btn-secondary btn-danger-outline"
            onClick={() => setConfirming("delete")}
          >
            {tx.delete}
          </button>
        ) : null}
        {props.showNotice && props.acceptanceNotice ? (
          <button type="button" className="btn btn-secondary" onClick={openNotice} disabled={busy}>
            {tx.printNotice}
          </button>
        ) : null}
      </div>
      {done ? <Notice>{done}</Notice> : null}
      <Problem
        error={problem && !problem.ok ? problem.error : null}
        conflict={problem && !problem.ok ? problem.conflict : false}
        refreshLabel={tx.refresh}
      />
      {has("answer_correction") ? correctionPanel("correction") : null}
      {has("correct_during_notice") ? correctionPanel("notice") : null}

      <ConfirmDialog
        open={confirming === "edit_after_sign"}
        title={tx.editTitle}
        confirmLabel={tx.editConfirm}
        cancelLabel={tx.cancel}
        busyLabel={tx.working}
        busy={busy}
        onConfirm={() => run("edit_after_sign")}
        onCancel={() => setConfirming(null)}
      >
        <p>
          {tx.editBefore}
          <strong>{tx.editStrong}</strong>
          {tx.editAfter}
        </p>
        <p>{tx.editQuestion}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === "withdraw"}
        title={tx.withdrawTitle}
        confirmLabel={tx.ok}
        cancelLabel={tx.cancel}
        busyLabel={tx.working}
        busy={busy}
        onConfirm={() => run("withdraw")}
        onCancel={() => setConfirming(null)}
      >
        <p>{tx.withdrawQuestion}</p>
        {props.withdrawNeedsConsent ? (
          <p className="ap-muted">{tx.withdrawConsent}</p>
        ) : (
          <p className="ap-muted">{tx.withdrawFree}</p>
        )}
        <div className="field">
          <label htmlFor="withdraw-reason">{tx.withdrawReason}</label>
          <input id="withdraw-reason" className="input" value={opinion} onChange={(e) => setOpinion(e.target.value)} />
        </div>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === "delete"}
        title={tx.deleteTitle}
        confirmLabel={tx.deleteConfirm}
        cancelLabel={tx.cancel}
        busyLabel={tx.working}
        danger
        busy={busy}
        onConfirm={() => run("delete")}
        onCancel={() => setConfirming(null)}
      >
        <p>{tx.deleteQuestion}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === "resubmit"}
        title={tx.resubmitTitle}
        confirmLabel={tx.ok}
        cancelLabel={tx.cancel}
        busyLabel={tx.working}
        busy={busy}
        onConfirm={() => run("resubmit")}
        onCancel={() => setConfirming(null)}
      >
        <p>{tx.resubmitText}</p>
      </ConfirmDialog>
    </>
  );
}
