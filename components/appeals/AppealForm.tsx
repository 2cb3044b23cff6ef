"use client";

import { useActionState } from "react";
import { fileAppealAction } from "@/app/applicant/appeals/actions";
import { FormError } from "@/components/review/FormError";
import { submitWithoutReset } from "@/components/review/submit-without-reset";
import { SubmitButton } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { fill } from "@/components/ui/fill";

/** The form's words, from the server in the reader's language; `label` has a {label} placeholder. */
export type AppealFormTexts = {
  label: string;
  statement: string;
  statementHelp: string;
  proof: string;
  proofHelp: string;
  submitting: string;
  submit: string;
  refresh: string;
};

const ZH: AppealFormTexts = {
  label: "对{label}提出申辩",
  statement: "申辩理由",
  statementHelp: "请说明实际受聘和社保缴纳情况，审批机构将据此核实。",
  proof: "证明材料",
  proofHelp: "如社保缴费证明、劳动合同、解聘证明的扫描件（JPG 或 PNG）。",
  submitting: "正在提交…",
  submit: "提交申辩",
  refresh: "刷新页面",
};

/** 提交申辩 (T3): why the flag is wrong, and a scan that proves it. */
export function AppealForm({
  anomalyId,
  label,
  texts = ZH,
}: {
  anomalyId: string;
  label: string;
  texts?: AppealFormTexts;
}) {
  const [state, submit, pending] = useActionState(fileAppealAction, null);
  const fe = state?.fieldErrors ?? {};
  const p = `appeal-${anomalyId}`;
  return (
    <form className="form" noValidate onSubmit={submitWithoutReset(submit)} aria-label={fill(texts.label, { label })}>
      <FormError state={state} refreshLabel={texts.refresh} />
      <input type="hidden" name="anomalyId" value={anomalyId} />
      <Field
        name="statement"
        id={`${p}-statement`}
        label={texts.statement}
        required
        error={fe.statement}
        help={texts.statementHelp}
      >
        {(c) => <textarea {...c} className="textarea" rows={3} maxLength={1000} />}
      </Field>
      <Field name="proof" id={`${p}-proof`} label={texts.proof} required error={fe.proof} help={texts.proofHelp}>
        {(c) => <input {...c} type="file" accept="image/jpeg,image/png" />}
      </Field>
      <SubmitButton pending={pending} pendingLabel={texts.submitting}>
        {texts.submit}
      </SubmitButton>
    </form>
  );
}
