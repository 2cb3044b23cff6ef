"use client";

import { useActionState, useState } from "react";
import { reviewAction } from "@/app/review/applications/[id]/actions";
import type { FormState } from "@/lib/action-result";
import { FormError } from "./FormError";
import { submitWithoutReset } from "@/components/review/submit-without-reset";
import { DECISION_LABELS } from "@/lib/domain/application-types";
import type { ApplicationType } from "@/lib/domain/types";

export type ReviewActionName =
  | "accept"
  | "request_correction"
  | "reject"
  | "forward"
  | "approve"
  | "publish_notice"
  | "conclude";

/** Button labels in the old systems' words. */
const REVIEW_ACTION_LABELS: Record<ReviewActionName, string> = {
  accept: "受理",
  request_correction: "要求补正",
  reject: "不予注册",
  forward: "审查通过，报上级审批",
  approve: "准予注册",
  publish_notice: "公示",
  conclude: "公示期满办结",
};

const HELP: Record<ReviewActionName, string> = {
  accept: "受理后申请人不能再撤回，申请进入审查。",
  request_correction: "申请人将看到补正内容和补正原因，上传补正材料后提交；提交后回到本机构继续办理。",
  reject: "申请人将看到不予注册的理由，可修改后重新申报。",
  forward: "本级审查通过，申请报送上一级审批机构。",
  approve: "准予注册后系统即生成注册证书编号和有效期。",
  publish_notice: "公示审批结果。公示结果为不合格的，申请人可在公示期内补正。",
  conclude: "公示期满，按公示结果办结：合格的准予注册，不合格的不予注册。",
};

/** What an approval does, per type, where it is not a new registration (the default help above). */
const APPROVAL_EFFECT: Partial<Record<ApplicationType, string>> = {
  extension: "准予后注册有效期自原有效期届满之日起延续。",
  change: "准予后注册随人员变更至新聘用单位，执业印章号随之更新。",
  cancellation: "准予后该专业注册证书注销，执业资格保留。",
  reissue: "准予后按补办原因更换执业印章号或补发注册证书。",
  suspension: "准予后暂停执业，恢复前不能办理其他注册业务。",
  resumption: "准予后恢复执业。",
  info_change: "准予后按申请变更人员信息。",
};

/** The button names the decision the reviewer takes for this type (准予延续注册, 准予暂停执业 …). */
function labelFor(action: ReviewActionName, type: ApplicationType): string {
  if (action === "approve" || action === "reject") return DECISION_LABELS[type][action];
  return REVIEW_ACTION_LABELS[action];
}

function FieldError({ state, name }: { state: FormState; name: string }) {
  const m = state?.fieldErrors?.[name];
  return m ? <span className="field-error">{m}</span> : null;
}

function Reasons({ state, label }: { state: FormState; label: string }) {
  const [count, setCount] = useState(1);
  return (
    <div className="field">
      <span className="label">
        {label}
        <span className="req">*</span>
      </span>
      {Array.from({ length: count }, (_, i) => (
        <textarea
          // Reason boxes are only ever added at the end; the position is the box.
          // biome-ignore lint/suspicious/noArrayIndexKey: see the comment above
          key={i}
          name="reasons"
          className="textarea mb-2"
          rows={2}
          maxLength={500}
          aria-label={`${label} ${i + 1}`}
          aria-invalid={state?.fieldErrors?.reasons ? true : undefined}
        />
      ))}
      <button type="button" className="btn-link" onClick={() => setCount((n) => Math.min(n + 1, 20))}>
        ＋ 增加一条
      </button>
      <FieldError state={state} name="reasons" />
    </div>
  );
}

function ActionForm({
  action,
  type,
  applicationId,
  version,
  onCancel,
}: {
  action: ReviewActionName;
  type: ApplicationType;
  applicationId: string;
  version: number;
  onCancel: () => void;
}) {
  const [state, submit, pending] = useActionState(reviewAction, null);
  const [outcome, setOutcome] = useState<"pass" | "fail" | "">("");
  const label = labelFor(action, type);
  return (
    <form onSubmit={submitWithoutReset(submit)} className="form action-form" noValidate aria-label={label}>
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="action" value={action} />
      <h3 className="subhead">{label}</h3>
      <p className="help">{(action === "approve" ? APPROVAL_EFFECT[type] : undefined) ?? HELP[action]}</p>
      <FormError state={state} />
      {action === "request_correction" ? (
        <>
          <div className="field">
            <label htmlFor="content">
              补正内容<span className="req">*</span>
            </label>
            <textarea
              id="content"
              name="content"
              className="textarea"
              rows={2}
              maxLength={1000}
              placeholder="如：补充社保证明"
              aria-invalid={state?.fieldErrors?.content ? true : undefined}
            />
            <FieldError state={state} name="content" />
          </div>
          <div className="field">
            <label htmlFor="reason">
              补正原因<span className="req">*</span>
            </label>
            <textarea
              id="reason"
              name="reason"
              className="textarea"
              rows={2}
              maxLength={1000}
              placeholder="如：请补正您在现聘用单位的社保缴纳证明"
              aria-invalid={state?.fieldErrors?.reason ? true : undefined}
            />
            <FieldError state={state} name="reason" />
          </div>
        </>
      ) : action === "reject" ? (
        <Reasons state={state} label={`${labelFor("reject", type)}理由`} />
      ) : action === "publish_notice" ? (
        <>
          <fieldset className="field">
            <legend className="label">
              公示结果<span className="req">*</span>
            </legend>
            <label className="checkline">
              <input
                type="radio"
                name="outcome"
                value="pass"
                checked={outcome === "pass"}
                onChange={() => setOutcome("pass")}
              />
              <span>合格（拟准予注册）</span>
            </label>
            <label className="checkline">
              <input
                type="radio"
                name="outcome"
                value="fail"
                checked={outcome === "fail"}
                onChange={() => setOutcome("fail")}
              />
              <span>不合格</span>
            </label>
            <FieldError state={state} name="outcome" />
          </fieldset>
          {outcome === "fail" ? <Reasons state={state} label="不合格原因" /> : null}
        </>
      ) : (
        <div className="field">
          <label htmlFor="opinion">{action === "accept" ? "受理意见（选填）" : "审查意见（选填）"}</label>
          <textarea
            id="opinion"
            name="opinion"
            className="textarea"
            rows={2}
            maxLength={1000}
            placeholder={action === "accept" ? "如：材料齐全，予以受理" : "如：符合注册条件"}
          />
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className={action === "reject" ? "btn btn-danger" : "btn"} disabled={pending}>
          {pending ? "正在提交…" : `确认${label}`}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}

/** The actions the engine allows this reviewer now (availableActions at the authority's level); one form at a time. */
export function ReviewActions({
  applicationId,
  version,
  actions,
  type,
}: {
  applicationId: string;
  version: number;
  actions: ReviewActionName[];
  type: ApplicationType;
}) {
  const [open, setOpen] = useState<ReviewActionName | null>(null);
  if (actions.length === 0) return <p className="help">该申请当前无需本机构办理。</p>;
  return (
    <div className="review-actions">
      <div className="form-actions">
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            className={
              open === a ? "btn" : a === "reject" ? "btn btn-secondary btn-danger-outline" : "btn btn-secondary"
            }
            aria-expanded={open === a}
            onClick={() => setOpen(open === a ? null : a)}
          >
            {labelFor(a, type)}
          </button>
        ))}
      </div>
      {open ? (
        <ActionForm
          key={open}
          action={open}
          type={type}
          applicationId={applicationId}
          version={version}
          onCancel={() => setOpen(null)}
        />
      ) : null}
    </div>
  );
}
