"use client";

import { useState } from "react";
import { profileEditProblems } from "@/components/auth/account-checks";
import { FormAlert, TextField, type FormValues } from "@/components/auth/fields";
import { usePlainForm } from "@/components/auth/use-plain-form";
import type { ActionResult } from "@/lib/action-result";
import { SubmitButton } from "@/components/ui/Button";

const FIELDS = ["phone", "address"];

/** 基本信息修改 on a plain form with hand-written checks (issue 12: no zod or form library on this page). */
export function ProfileEditForm({
  defaults,
  action,
}: {
  defaults: { phone: string; address: string };
  action: (input: { phone: string; address: string }) => Promise<ActionResult>;
}) {
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const { formRef, register, errors, setError: setFieldError, handleSubmit, isSubmitting } = usePlainForm(defaults);
  const onSubmit = async (values: FormValues) => {
    setError(null);
    setSuccess(null);
    const res = await action({ phone: values.phone ?? "", address: values.address ?? "" });
    if (res.ok) return setSuccess("保存成功。今后的短信验证码将发送到新的手机号码。");
    setError(res.error);
    for (const [f, m] of Object.entries(res.fieldErrors ?? {})) setFieldError(f, m);
  };
  return (
    <form
      ref={formRef}
      className="form"
      onSubmit={handleSubmit(FIELDS, profileEditProblems, onSubmit)}
      noValidate
      aria-label="基本信息修改"
    >
      <FormAlert error={error} success={success} />
      <TextField
        name="phone"
        label="手机号码"
        type="tel"
        register={register}
        errors={errors}
        autoComplete="tel"
        help="用于接收短信验证码和业务通知。"
      />
      <TextField
        name="address"
        label="通讯地址"
        register={register}
        errors={errors}
        autoComplete="street-address"
        required={false}
      />
      <SubmitButton pending={isSubmitting}>保存数据</SubmitButton>
    </form>
  );
}
