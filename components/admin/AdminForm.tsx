"use client";

import { useActionState, type ComponentProps, type ReactNode } from "react";
import { submitWithoutReset } from "@/components/review/submit-without-reset";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field as UiField } from "@/components/ui/Field";
import type { AdminFormState } from "./admin-form-state";

/**
 * An administration form: asks for confirmation before it changes anything (`confirm` says what will happen), then
 * shows the outcome — and a one-time password once, for the administrator to hand over.
 */
export function AdminForm({
  action,
  confirm = "确定提交吗？",
  children,
  className = "form",
  testId,
  submit,
}: {
  action: (state: AdminFormState, fd: FormData) => Promise<AdminFormState>;
  confirm?: string;
  children: ReactNode | ((state: AdminFormState) => ReactNode);
  className?: string;
  testId?: string;
  /** The label of the form's one submit button, shown under the fields; leave out when the children bring buttons. */
  submit?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form
      className={className}
      data-testid={testId}
      noValidate
      // Submitted without React's reset, so what was typed stays when the server answers with an error.
      onSubmit={(e) => {
        // A button may carry its own question (data-confirm), e.g. 停用 vs 重置密码 in one row.
        const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLElement | null;
        if (!window.confirm(submitter?.dataset.confirm ?? confirm)) {
          e.preventDefault();
          return;
        }
        submitWithoutReset(formAction)(e);
      }}
      aria-busy={pending}
    >
      {state?.error ? (
        <Alert tone="error" testId="form-error">
          {state.error}
        </Alert>
      ) : null}
      {state?.ok ? (
        <Alert tone="success" testId="form-ok">
          {state.message}
          {state.oneTimePassword ? (
            <>
              {" "}
              一次性密码：
              <strong data-testid="one-time-password" className="one-time-password">
                {state.oneTimePassword}
              </strong>
              （只显示这一次，请交给本人；首次登录后须设置新密码）
            </>
          ) : null}
        </Alert>
      ) : null}
      {typeof children === "function" ? children(state) : children}
      {submit ? (
        <div className="form-actions">
          <Button type="submit">{submit}</Button>
        </div>
      ) : null}
    </form>
  );
}

/** A components/ui Field whose error (if any) comes from the form's last submission. */
export function Field({ state, ...props }: Omit<ComponentProps<typeof UiField>, "error"> & { state: AdminFormState }) {
  return <UiField {...props} error={state?.fieldErrors?.[props.name]} />;
}
