"use client";

import { useActionState } from "react";
import { fileAppealAction } from "@/app/applicant/appeals/actions";
import { FormError } from "@/components/review/FormError";
import { submitWithoutReset } from "@/components/review/submit-without-reset";
import { SubmitButton } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";

/** 提交申辩 (T3): why the flag is wrong, and a scan that proves it. */
export function AppealForm({ anomalyId, label }: { anomalyId: string; label: string }) {
  const [state, submit, pending] = useActionState(fileAppealAction, null);
  const fe = state?.fieldErrors ?? {};
  const p = `appeal-${anomalyId}`;
  return (
    <form className="form" noValidate onSubmit={submitWithoutReset(submit)} aria-label={`对${label}提出申辩`}>
      <FormError state={state} />
      <input type="hidden" name="anomalyId" value={anomalyId} />
      <Field
        name="statement"
        id={`${p}-statement`}
        label="申辩理由"
        required
        error={fe.statement}
        help="请说明实际受聘和社保缴纳情况，审批机构将据此核实。"
      >
        {(c) => <textarea {...c} className="textarea" rows={3} maxLength={1000} />}
      </Field>
      <Field
        name="proof"
        id={`${p}-proof`}
        label="证明材料"
        required
        error={fe.proof}
        help="如社保缴费证明、劳动合同、解聘证明的扫描件（JPG 或 PNG）。"
      >
        {(c) => <input {...c} type="file" accept="image/jpeg,image/png" />}
      </Field>
      <SubmitButton pending={pending} pendingLabel="正在提交…">
        提交申辩
      </SubmitButton>
    </form>
  );
}
