"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { FormAlert, TextField, type FormValues } from "@/components/auth/fields";
import type { ActionResult } from "@/lib/action-result";
import { profileEditSchema, type ProfileEditInput } from "@/lib/schemas/accounts";
import { SubmitButton } from "@/components/ui/Button";

export function ProfileEditForm({
  defaults,
  action,
}: {
  defaults: { phone: string; address: string };
  action: (input: ProfileEditInput) => Promise<ActionResult>;
}) {
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({
    resolver: zodResolver(profileEditSchema) as unknown as Resolver<FormValues>,
    defaultValues: defaults,
  });
  const onSubmit = async (values: FormValues) => {
    setError(null);
    setSuccess(null);
    const res = await action(values as ProfileEditInput);
    if (res.ok) return setSuccess("保存成功。今后的短信验证码将发送到新的手机号码。");
    setError(res.error);
    for (const [f, m] of Object.entries(res.fieldErrors ?? {})) setFieldError(f, { message: m });
  };
  return (
    <form className="form" onSubmit={handleSubmit(onSubmit)} noValidate aria-label="基本信息修改">
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
