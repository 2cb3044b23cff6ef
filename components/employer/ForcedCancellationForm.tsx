"use client";

import { useActionState } from "react";
import { fileForcedCancellationAction } from "@/app/employer/forced-cancellation/actions";
import { FormError } from "@/components/review/FormError";
import { submitWithoutReset } from "@/components/review/submit-without-reset";
import { SubmitButton } from "@/components/ui/Button";

type Staff = {
  registrationId: string;
  personName: string;
  idNumber: string;
  label: string;
  registrationNo: string;
  validTo: string;
  blockedBy: string | null;
};

/**
 * 强制注销申报 (K2): the staff member's registration, 注销原因, the arbitration award or court judgment (required, as on
 * the applicant's form) and the employer's declaration. Submitting signs the form with the employer's certificate.
 */
export function ForcedCancellationForm({
  staff,
  reasons,
  employerName,
}: {
  staff: Staff[];
  reasons: readonly string[];
  employerName: string;
}) {
  const [state, submit, pending] = useActionState(fileForcedCancellationAction, null);
  const fe = state?.fieldErrors ?? {};
  return (
    <form
      onSubmit={submitWithoutReset(submit)}
      className="form"
      noValidate
      aria-label="强制注销申报"
      encType="multipart/form-data"
    >
      <FormError state={state} />
      <div className="field">
        <label htmlFor="registrationId">
          注册人员<span className="req">*</span>
        </label>
        <select
          id="registrationId"
          name="registrationId"
          className="input"
          defaultValue=""
          aria-invalid={fe.registrationId ? true : undefined}
        >
          <option value="" disabled>
            请选择本单位注册人员
          </option>
          {staff.map((p) => (
            <option key={p.registrationId} value={p.registrationId} disabled={!!p.blockedBy}>
              {p.personName}（{p.idNumber}）· {p.label} · {p.registrationNo} · 有效期至 {p.validTo}
              {p.blockedBy ? `（${p.blockedBy}）` : ""}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-md">
        <label htmlFor="reason">
          注销原因<span className="req">*</span>
        </label>
        <select id="reason" name="reason" className="input" defaultValue="" aria-invalid={fe.reason ? true : undefined}>
          <option value="" disabled>
            请选择
          </option>
          {reasons.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        {fe.reason ? <span className="field-error">{fe.reason}</span> : null}
      </div>
      <div className="field">
        <label htmlFor="judgment">
          劳动仲裁裁决书或法院判决书扫描件<span className="req">*</span>
        </label>
        <input
          id="judgment"
          name="judgment"
          type="file"
          accept=".jpg,.jpeg,image/jpeg"
          className="input"
          aria-invalid={fe.judgment ? true : undefined}
        />
        <span className="help">
          须为劳动仲裁机构或法院出具的解除劳动关系的仲裁文件或判决书，JPG 格式，不超过 2 MB。
        </span>
        {fe.judgment ? <span className="field-error">{fe.judgment}</span> : null}
      </div>
      <div className="field">
        <label htmlFor="opinion">单位意见（选填）</label>
        <textarea
          id="opinion"
          name="opinion"
          className="textarea"
          rows={2}
          maxLength={500}
          placeholder="如：经劳动仲裁裁决解除劳动关系，本人拒不办理注销"
        />
      </div>
      <label className="checkline">
        <input type="checkbox" name="declared" aria-invalid={fe.declared ? true : undefined} />
        <span>
          {employerName}确认已与该人员依法解除劳动关系，所附仲裁文件或判决书真实有效，申请对其注册予以强制注销。
        </span>
      </label>
      {fe.declared ? <span className="field-error">{fe.declared}</span> : null}
      <SubmitButton pending={pending} pendingLabel="正在签名申报…">
        单位数字签名并申报
      </SubmitButton>
    </form>
  );
}
