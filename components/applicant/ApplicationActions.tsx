"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult as Outcome } from "@/lib/action-result";
import { ConfirmDialog, kb, Notice, Problem, UploadButton } from "./ui";

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
}) {
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
    setDone(
      op === "withdraw"
        ? props.withdrawNeedsConsent
          ? "已申请撤回，待聘用单位同意。"
          : "已撤回。撤回的申请可修改后再次申报。"
        : "操作成功。",
    );
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
    setDone(
      during === "notice" ? "公示期补正材料已提交，审批机构将重新审查。" : "补正材料已提交，请等待审批机构审查。",
    );
    router.refresh();
  };

  const correctionPanel = (during: "correction" | "notice") => (
    <section className="card" data-testid={during === "correction" ? "correction-panel" : "notice-panel"}>
      <h2>{during === "correction" ? "补正" : "公示期补正"}</h2>
      {during === "correction" && props.correction ? (
        <dl className="facts mb-3">
          <div>
            <dt>补正内容</dt>
            <dd>{props.correction.content}</dd>
          </div>
          <div>
            <dt>补正原因</dt>
            <dd>{props.correction.reason}</dd>
          </div>
        </dl>
      ) : null}
      {during === "notice" && props.noticeReasons.length ? (
        <div className="alert alert-warning mb-3">公示不合格原因：{props.noticeReasons.join("；")}</div>
      ) : null}
      <p className="ap-muted mt-0">
        请上传补正材料图片（{props.uploadLimits.join("；")}），上传完成后点击“提交补正”。提交后“补正”按钮不再显示。
      </p>
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
              移除
            </button>
          </li>
        ))}
      </ul>
      <div className="form">
        <UploadButton
          kind="correction"
          label="+ 上传补正材料"
          accept={props.uploadAccept}
          applicationId={props.applicationId}
          purpose={during === "correction" ? "correction" : "notice_correction"}
          onUploaded={(u) => setUploads((cur) => [...cur, u])}
        />
        <div className="field">
          <label htmlFor="correction-note">补正说明（选填）</label>
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
            {busy ? "正在提交…" : "提交补正"}
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
            {has("sign") ? "继续申报（个人数字签名）" : "继续填写"}
          </Link>
        ) : null}
        {has("edit_after_sign") ? (
          <button type="button" className="btn btn-secondary" onClick={() => setConfirming("edit_after_sign")}>
            修改
          </button>
        ) : null}
        {has("withdraw") ? (
          <button type="button" className="btn btn-secondary" onClick={() => setConfirming("withdraw")}>
            撤回
          </button>
        ) : null}
        {has("resubmit") ? (
          <button type="button" className="btn" onClick={() => setConfirming("resubmit")}>
            修改后重新申报
          </button>
        ) : null}
        {has("delete") ? (
          <button
            type="button"
            className="btn btn-secondary btn-danger-outline"
            onClick={() => setConfirming("delete")}
          >
            删除
          </button>
        ) : null}
        {props.showNotice && props.acceptanceNotice ? (
          <button type="button" className="btn btn-secondary" onClick={openNotice} disabled={busy}>
            打印行政审批受理通知书
          </button>
        ) : null}
      </div>
      {done ? <Notice>{done}</Notice> : null}
      <Problem
        error={problem && !problem.ok ? problem.error : null}
        conflict={problem && !problem.ok ? problem.conflict : false}
      />
      {has("answer_correction") ? correctionPanel("correction") : null}
      {has("correct_during_notice") ? correctionPanel("notice") : null}

      <ConfirmDialog
        open={confirming === "edit_after_sign"}
        title="修改申请表"
        confirmLabel="确定修改"
        busy={busy}
        onConfirm={() => run("edit_after_sign")}
        onCancel={() => setConfirming(null)}
      >
        <p>
          您已完成个人数字签名。修改申请表后，<strong>已签署的申请表文件将作废</strong>
          ，须重新保存并重新进行个人数字签名，聘用单位也将看不到原申请。
        </p>
        <p>确定要修改吗？</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === "withdraw"}
        title="撤回"
        confirmLabel="确定"
        busy={busy}
        onConfirm={() => run("withdraw")}
        onCancel={() => setConfirming(null)}
      >
        <p>您是否确定撤回该上报信息？</p>
        {props.withdrawNeedsConsent ? (
          <p className="ap-muted">该申请已上报至审批机构，撤回需聘用单位同意后方可生效。</p>
        ) : (
          <p className="ap-muted">撤回后审批机构不再看到该申请；撤回的申请可修改后再次申报。</p>
        )}
        <div className="field">
          <label htmlFor="withdraw-reason">撤回原因（选填）</label>
          <input id="withdraw-reason" className="input" value={opinion} onChange={(e) => setOpinion(e.target.value)} />
        </div>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === "delete"}
        title="删除申请"
        confirmLabel="确定删除"
        danger
        busy={busy}
        onConfirm={() => run("delete")}
        onCancel={() => setConfirming(null)}
      >
        <p>删除后该申请不再显示，且不能恢复。确定删除吗？</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === "resubmit"}
        title="修改后重新申报"
        confirmLabel="确定"
        busy={busy}
        onConfirm={() => run("resubmit")}
        onCancel={() => setConfirming(null)}
      >
        <p>该申请将回到草稿状态，您可以按审批意见修改后重新保存、签名并上报。原签名和受理记录作废。</p>
      </ConfirmDialog>
    </>
  );
}
