"use client";

import { useState } from "react";
import { type AccountCheckMessages, profileEditProblems } from "@/components/account/checks";
import { FormAlert, TextField, type FormValues } from "@/components/auth/fields";
import { usePlainForm } from "@/components/auth/use-plain-form";
import type { ActionResult } from "@/lib/action-result";
import { SubmitButton } from "@/components/ui/Button";

const FIELDS = ["phone", "address"];

/** What the form says, in the reader's language (the page reads the `account` catalog). */
export type ProfileEditTexts = {
  title: string;
  phone: string;
  phoneHelp: string;
  address: string;
  submit: string;
  saving: string;
  saved: string;
  checks: AccountCheckMessages;
};

/** 基本信息修改 on a plain form with hand-written checks (issue 12: no zod or form library on this page). */
export function ProfileEditForm({
  defaults,
  action,
  texts,
}: {
  defaults: { phone: string; address: string };
  action: (input: { phone: string; address: string }) => Promise<ActionResult>;
  texts: ProfileEditTexts;
}) {
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const { formRef, register, errors, setError: setFieldError, handleSubmit, isSubmitting } = usePlainForm(defaults);
  const onSubmit = async (values: FormValues) => {
    setError(null);
    setSuccess(null);
    const res = await action({ phone: values.phone ?? "", address: values.address ?? "" });
    if (res.ok) return setSuccess(texts.saved);
    setError(res.error);
    for (const [f, m] of Object.entries(res.fieldErrors ?? {})) setFieldError(f, m);
  };
  return (
    <form
      ref={formRef}
      className="form"
      onSubmit={handleSubmit(FIELDS, (v) => profileEditProblems(v, texts.checks), onSubmit)}
      noValidate
      aria-label={texts.title}
    >
      <FormAlert error={error} success={success} />
      <TextField
        name="phone"
        label={texts.phone}
        type="tel"
        register={register}
        errors={errors}
        autoComplete="tel"
        help={texts.phoneHelp}
      />
      <TextField
        name="address"
        label={texts.address}
        register={register}
        errors={errors}
        autoComplete="street-address"
        required={false}
      />
      <SubmitButton pending={isSubmitting} pendingLabel={texts.saving}>
        {texts.submit}
      </SubmitButton>
    </form>
  );
}
