"use client";

import { useActionState } from "react";
import { reviewPersonnelAction } from "@/app/review/personnel/actions";
import { FormError } from "@/components/review/FormError";
import { submitWithoutReset } from "@/components/review/submit-without-reset";

/** 审核通过 / 退回 (M4). A return needs an opinion saying what the employer should correct. */
export function PersonnelReviewForm({ id, version }: { id: string; version: number }) {
  const [state, review, pending] = useActionState(reviewPersonnelAction, null);
  const fe = state?.fieldErrors ?? {};
  return (
    <form onSubmit={submitWithoutReset(review)} className="form" noValidate aria-label="人员信息审核">
      <FormError state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <div className="field">
        <label htmlFor="opinion">审核意见</label>
        <textarea
          id="opinion"
          name="opinion"
          className="input"
          rows={3}
          maxLength={500}
          aria-invalid={fe.opinion ? true : undefined}
        />
        <span className="help">
          退回时必填，请写明需要更正的内容。审核通过仅表示所报信息已审核，不作为注册条件满足的依据。
        </span>
        {fe.opinion ? <span className="field-error">{fe.opinion}</span> : null}
      </div>
      <div className="form-actions">
        <button type="submit" name="decision" value="approve" className="btn" disabled={pending}>
          审核通过
        </button>
        <button type="submit" name="decision" value="return" className="btn btn-secondary" disabled={pending}>
          退回
        </button>
      </div>
    </form>
  );
}
