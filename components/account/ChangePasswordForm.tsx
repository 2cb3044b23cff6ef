"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { FormAlert, TextField, type FormValues } from "@/components/auth/fields";
import { usePlainForm } from "@/components/auth/use-plain-form";
import { SubmitButton } from "@/components/ui/Button";
import { type AccountCheckMessages, changePasswordProblems } from "./checks";
import { NewPasswordFields, type NewPasswordTexts } from "@/components/auth/NewPasswordFields";

const FIELDS = ["oldPassword", "password", "confirm"];

/** What the form says, in the reader's language (the server page reads the `account` catalog). */
export type ChangePasswordTexts = NewPasswordTexts & {
  title: string;
  oldPassword: string;
  submit: string;
  saving: string;
  done: string;
  checks: AccountCheckMessages;
};

/** 修改登录密码 for all four roles, on a plain form with hand-written checks (issue 12: no zod or form library here). */
export function ChangePasswordForm({
  action,
  texts,
}: {
  action: (input: FormValues) => Promise<ActionResult>;
  texts: ChangePasswordTexts;
}) {
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const {
    formRef,
    register,
    errors,
    setError: setFieldError,
    handleSubmit,
    isSubmitting,
  } = usePlainForm({ oldPassword: "", password: "", confirm: "" });
  const onSubmit = async (values: FormValues) => {
    setError(null);
    setSuccess(null);
    const res = await action(values);
    if (res.ok) {
      formRef.current?.reset();
      setSuccess(texts.done);
      return;
    }
    setError(res.error);
    for (const [f, m] of Object.entries(res.fieldErrors ?? {})) setFieldError(f, m);
  };
  return (
    <form
      ref={formRef}
      className="form"
      onSubmit={handleSubmit(FIELDS, (v) => changePasswordProblems(v, texts.checks), onSubmit)}
      noValidate
      aria-label={texts.title}
    >
      <FormAlert error={error} success={success} />
      <TextField
        name="oldPassword"
        label={texts.oldPassword}
        type="password"
        register={register}
        errors={errors}
        autoComplete="current-password"
      />
      <NewPasswordFields texts={texts} register={register} errors={errors} />
      <SubmitButton pending={isSubmitting} pendingLabel={texts.saving}>
        {texts.submit}
      </SubmitButton>
    </form>
  );
}
