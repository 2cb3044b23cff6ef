"use client";

import { useActionState } from "react";
import { decideNameChangeAction } from "@/app/review/name-changes/actions";
import { FormError } from "./FormError";
import { submitWithoutReset } from "./submit-without-reset";

/** 审核通过 / 不予通过 a name change (R4); not approving needs an opinion. */
export function NameChangeDecision({ id, version, newName }: { id: string; version: number; newName: string }) {
  const [state, decide, pending] = useActionState(decideNameChangeAction, null);
  const fe = state?.fieldErrors ?? {};
  return (
    <form onSubmit={submitWithoutReset(decide)} className="form" noValidate aria-label={`${newName}的名称变更审核`}>
      <FormError state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <div className="field">
        <label htmlFor={`opinion-${id}`}>审核意见</label>
        <textarea
          id={`opinion-${id}`}
          name="opinion"
          className="input"
          rows={2}
          maxLength={500}
          aria-invalid={fe.opinion ? true : undefined}
        />
        {fe.opinion ? <span className="field-error">{fe.opinion}</span> : null}
      </div>
      <div className="form-actions">
        <button type="submit" name="decision" value="approve" className="btn btn-sm" disabled={pending}>
          审核通过
        </button>
        <button type="submit" name="decision" value="reject" className="btn btn-sm btn-secondary" disabled={pending}>
          不予通过
        </button>
      </div>
    </form>
  );
}
