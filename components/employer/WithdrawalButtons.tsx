"use client";

import { useActionState, useState } from "react";
import { withdrawalAction } from "@/app/employer/actions";
import { FormError } from "@/components/review/FormError";
import { submitWithoutReset } from "@/components/review/submit-without-reset";

/**
 * 同意撤回 / 不同意撤回 (W2) for one application in 待企业确认. Consent cannot be undone (the application leaves the
 * authority), so it takes effect only after the employer confirms it in a dialog; declining needs no confirmation.
 */
export function WithdrawalButtons({
  applicationId,
  version,
  personName,
}: {
  applicationId: string;
  version: number;
  personName: string;
}) {
  const [state, act, pending] = useActionState(withdrawalAction, null);
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <form onSubmit={submitWithoutReset(act)} className="inline-actions" aria-label={`${personName}的撤回申请`}>
        <input type="hidden" name="applicationId" value={applicationId} />
        <input type="hidden" name="version" value={version} />
        <button type="button" className="btn btn-sm" disabled={pending} onClick={() => setConfirming(true)}>
          同意撤回
        </button>
        <button type="submit" name="decision" value="decline" className="btn btn-sm btn-secondary" disabled={pending}>
          不同意撤回
        </button>
        {confirming ? null : <FormError state={state} />}
      </form>
      {confirming ? (
        <div className="dialog-backdrop">
          <div className="dialog" role="dialog" aria-modal="true" aria-labelledby={`consent-${applicationId}`}>
            <h2 id={`consent-${applicationId}`}>确认同意撤回</h2>
            <form onSubmit={submitWithoutReset(act)} className="form" noValidate>
              <input type="hidden" name="applicationId" value={applicationId} />
              <input type="hidden" name="version" value={version} />
              <input type="hidden" name="decision" value="consent" />
              <FormError state={state} />
              <p>
                同意后，{personName}
                的申请将从审批机构撤回，审批机构不再办理；申请人修改后须重新签名上报。此操作不能撤销。
              </p>
              <div className="form-actions">
                <button type="submit" className="btn" disabled={pending}>
                  {pending ? "正在提交…" : "确认同意撤回"}
                </button>
                <button type="button" className="btn btn-secondary" onClick={() => setConfirming(false)}>
                  取消
                </button>
              </div>
            </form>
          </div>
        </div>
      ) : null}
    </>
  );
}
