"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import type { ActionResult } from "@/lib/action-result";
import { changePasswordSchema, PASSWORD_RULE } from "@/lib/schemas/accounts";
import { FormAlert, TextField, type FormValues } from "@/components/auth/fields";
import { SubmitButton } from "@/components/ui/Button";

export function ChangePasswordForm({ action }: { action: (input: FormValues) => Promise<ActionResult> }) {
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({
    resolver: zodResolver(changePasswordSchema) as unknown as Resolver<FormValues>,
    defaultValues: { oldPassword: "", password: "", confirm: "" },
  });
  const onSubmit = async (values: FormValues) => {
    setError(null);
    setSuccess(null);
    const res = await action(values);
    if (res.ok) {
      reset();
      setSuccess("密码修改成功。下次登录请使用新密码；您在其他设备或浏览器上的登录已自动退出。");
      return;
    }
    setError(res.error);
    for (const [f, m] of Object.entries(res.fieldErrors ?? {})) setFieldError(f, { message: m });
  };
  return (
    <form className="form" onSubmit={handleSubmit(onSubmit)} noValidate aria-label="修改登录密码">
      <FormAlert error={error} success={success} />
      <TextField
        name="oldPassword"
        label="原密码"
        type="password"
        register={register}
        errors={errors}
        autoComplete="current-password"
      />
      <TextField
        name="password"
        label="新密码"
        type="password"
        register={register}
        errors={errors}
        autoComplete="new-password"
        help={PASSWORD_RULE}
      />
      <TextField
        name="confirm"
        label="确认新密码"
        type="password"
        register={register}
        errors={errors}
        autoComplete="new-password"
      />
      <SubmitButton pending={isSubmitting}>确 定</SubmitButton>
    </form>
  );
}
