"use client";

import { useActionState } from "react";
import { FormError } from "@/components/review/FormError";
import type { FormState } from "@/lib/action-result";
import { submitWithoutReset } from "@/components/review/submit-without-reset";

/** A one-button form (撤回, 删除) that asks first and shows the service's answer when refused. */
export function ConfirmActionButton({
  action,
  fields,
  label,
  confirm,
  danger,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  fields: Record<string, string | number>;
  label: string;
  confirm: string;
  danger?: boolean;
}) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form
      onSubmit={(e) => {
        if (!window.confirm(confirm)) {
          e.preventDefault();
          return;
        }
        submitWithoutReset(submit)(e);
      }}
    >
      <FormError state={state} />
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button
        type="submit"
        className={danger ? "btn btn-danger btn-sm" : "btn btn-secondary btn-sm"}
        disabled={pending}
      >
        {label}
      </button>
    </form>
  );
}
