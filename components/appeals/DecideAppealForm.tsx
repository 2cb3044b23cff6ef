"use client";

import { useActionState } from "react";
import { decideAppealAction } from "@/app/review/appeals/actions";
import { FormError } from "@/components/review/FormError";
import { submitWithoutReset } from "@/components/review/submit-without-reset";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";

/** 申辩处理 (T3): 采纳 clears the flag, 不采纳 keeps it; the opinion reaches the person. */
export function DecideAppealForm({ appealId, personName }: { appealId: string; personName: string }) {
  const [state, submit, pending] = useActionState(decideAppealAction, null);
  const fe = state?.fieldErrors ?? {};
  const p = `decide-${appealId}`;
  return (
    <form className="form" noValidate onSubmit={submitWithoutReset(submit)} aria-label={`处理${personName}的申辩`}>
      <FormError state={state} />
      <input type="hidden" name="appealId" value={appealId} />
      <Field name="reply" id={`${p}-reply`} label="处理意见" required error={fe.reply}>
        {(c) => <textarea {...c} className="textarea" rows={2} maxLength={500} />}
      </Field>
      <div className="form-actions">
        <Button type="submit" name="decision" value="accepted" disabled={pending}>
          采纳申辩（解除异常）
        </Button>
        <Button type="submit" name="decision" value="dismissed" variant="danger-outline" disabled={pending}>
          不采纳（保留异常）
        </Button>
      </div>
    </form>
  );
}
