"use client";

import { useActionState } from "react";
import { submitPersonnelAction } from "@/app/employer/personnel/actions";
import { FormError } from "@/components/review/FormError";
import { submitWithoutReset } from "@/components/review/submit-without-reset";

/** 上报 (M4): sends the saved record to the authority; it cannot be edited while under review. */
export function SubmitPersonnelButton({ id, version }: { id: string; version: number }) {
  const [state, submit, pending] = useActionState(submitPersonnelAction, null);
  return (
    <form onSubmit={submitWithoutReset(submit)} className="form" aria-label="上报审核">
      <FormError state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <p className="help mt-0">上报后由主管部门审核，审核期间不能修改；审核通过后人员信息不能再修改。</p>
      <div className="form-actions">
        <button type="submit" className="btn" disabled={pending}>
          {pending ? "正在上报…" : "上报审核"}
        </button>
      </div>
    </form>
  );
}
