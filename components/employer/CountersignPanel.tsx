"use client";

import { useActionState, useState } from "react";
import { countersignAction, returnAction } from "@/app/employer/actions";
import { FormError } from "@/components/review/FormError";
import { submitWithoutReset } from "@/components/review/submit-without-reset";

/**
 * 聘用企业意见 + 签名确认 (M2), and 退回个人 with a required reason in a dialog. Both post the version the page
 * showed, so a change made meanwhile (e.g. the applicant edited and re-signed) is refused, not overwritten.
 */
export function CountersignPanel(props: {
  applicationId: string;
  version: number;
  employerName: string;
  personName: string;
  typeLabel: string;
}) {
  const [state, sign, signing] = useActionState(countersignAction, null);
  const [returnState, sendBack, returning] = useActionState(returnAction, null);
  const [dialog, setDialog] = useState(false);
  return (
    <section className="card" aria-labelledby="opinion-title">
      <h2 id="opinion-title">聘用企业意见</h2>
      <form onSubmit={submitWithoutReset(sign)} className="form" noValidate>
        <input type="hidden" name="applicationId" value={props.applicationId} />
        <input type="hidden" name="version" value={props.version} />
        <FormError state={state} />
        <p className="help">请仔细阅读下方内容，勾选文字前的复选框同意该内容后，方可进行签名确认。</p>
        <label className="checkline">
          <input
            type="checkbox"
            name="opinionTicked"
            aria-invalid={state?.fieldErrors?.opinionTicked ? true : undefined}
          />
          <span>
            {props.employerName}已按照相关法律法规与{props.personName}
            签订真实有效的劳动聘用合同，并确认其申报材料真实，同意该同志申报{props.typeLabel}。
          </span>
        </label>
        {state?.fieldErrors?.opinionTicked ? (
          <span className="field-error">{state.fieldErrors.opinionTicked}</span>
        ) : null}
        <div className="field">
          <label htmlFor="opinion">补充意见（选填）</label>
          <textarea
            id="opinion"
            name="opinion"
            className="textarea"
            rows={2}
            maxLength={500}
            placeholder="如：同意申报，情况属实"
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="btn" disabled={signing}>
            {signing ? "正在签名…" : "签名确认"}
          </button>
          <button type="button" className="btn btn-secondary" onClick={() => setDialog(true)}>
            退回个人
          </button>
        </div>
      </form>
      {dialog ? (
        <div className="dialog-backdrop">
          <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="return-title">
            <h2 id="return-title">退回个人</h2>
            <form onSubmit={submitWithoutReset(sendBack)} className="form" noValidate>
              <input type="hidden" name="applicationId" value={props.applicationId} />
              <input type="hidden" name="version" value={props.version} />
              <FormError state={returnState} />
              <p className="help">退回后申请人须修改并重新签名上报。请写明需要修改的内容。</p>
              <div className="field">
                <label htmlFor="reason">
                  退回原因<span className="req">*</span>
                </label>
                <textarea
                  id="reason"
                  name="reason"
                  className="textarea"
                  rows={3}
                  maxLength={500}
                  required
                  aria-invalid={returnState?.fieldErrors?.reason ? true : undefined}
                />
                {returnState?.fieldErrors?.reason ? (
                  <span className="field-error">{returnState.fieldErrors.reason}</span>
                ) : null}
              </div>
              <div className="form-actions">
                <button type="button" className="btn btn-secondary" onClick={() => setDialog(false)}>
                  取消
                </button>
                <button type="submit" className="btn" disabled={returning}>
                  {returning ? "正在退回…" : "确认退回"}
                </button>
              </div>
            </form>
          </div>
        </div>
      ) : null}
    </section>
  );
}
