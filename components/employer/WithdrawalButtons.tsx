"use client";

import { useActionState } from "react";
import { withdrawalAction } from "@/app/employer/actions";
import { FormError } from "@/components/review/FormError";
import { submitWithoutReset } from "@/components/review/submit-without-reset";

/** 同意撤回 / 不同意撤回 (W2) for one application in 待企业确认. */
export function WithdrawalButtons({ applicationId, version, personName }: { applicationId: string; version: number; personName: string }) {
  const [state, act, pending] = useActionState(withdrawalAction, null);
  return (
    <form onSubmit={submitWithoutReset(act)} className="inline-actions" aria-label={`${personName}的撤回申请`}>
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" name="decision" value="consent" className="btn btn-sm" disabled={pending}>
        同意撤回
      </button>
      <button type="submit" name="decision" value="decline" className="btn btn-sm btn-secondary" disabled={pending}>
        不同意撤回
      </button>
      <FormError state={state} />
    </form>
  );
}
