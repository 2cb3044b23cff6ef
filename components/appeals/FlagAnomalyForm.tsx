"use client";

import { useActionState } from "react";
import { flagAnomalyAction } from "@/app/review/appeals/actions";
import { FormError } from "@/components/review/FormError";
import { submitWithoutReset } from "@/components/review/submit-without-reset";
import { SubmitButton } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Select } from "@/components/ui/Select";

const KINDS = [
  { value: "social_insurance", label: "社保异常" },
  { value: "duplicate_registration", label: "人员查重异常" },
] as const;

/** 标记异常 (G6, T3): the person is found by 证件号码 and told of the flag in 我的消息. */
export function FlagAnomalyForm() {
  const [state, submit, pending] = useActionState(flagAnomalyAction, null);
  const fe = state?.fieldErrors ?? {};
  return (
    <form className="form" noValidate onSubmit={submitWithoutReset(submit)} aria-label="标记人员异常">
      <FormError state={state} />
      <Field
        name="idNumber"
        id="flag-idNumber"
        label="证件号码"
        required
        width="md"
        error={fe.idNumber}
        inputProps={{ maxLength: 32 }}
      />
      <Field name="kind" id="flag-kind" label="异常类型" required width="sm" error={fe.kind}>
        {(c) => <Select {...c} options={KINDS} />}
      </Field>
      <Field
        name="reason"
        id="flag-reason"
        label="异常情况说明"
        required
        error={fe.reason}
        help="申请人将在“我的申辩”和“我的消息”中看到此说明。"
      >
        {(c) => <textarea {...c} className="textarea" rows={2} maxLength={500} />}
      </Field>
      <SubmitButton pending={pending} pendingLabel="正在标记…">
        标记异常
      </SubmitButton>
    </form>
  );
}
