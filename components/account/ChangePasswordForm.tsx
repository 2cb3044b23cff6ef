"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { PASSWORD_RULE } from "@/lib/domain/password-rule";
import { changePasswordProblems } from "@/components/auth/account-checks";
import { FormAlert, TextField, type FormValues } from "@/components/auth/fields";
import { usePlainForm } from "@/components/auth/use-plain-form";
import { SubmitButton } from "@/components/ui/Button";

const FIELDS = ["oldPassword", "password", "confirm"];

/** 修改登录密码 for all four roles, on a plain form with hand-written checks (issue 12: no zod or form library here). */
export function ChangePasswordForm({ action }: { action: (input: FormValues) => Promise<ActionResult> }) {
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
      setSuccess("密码修改成功。下次登录请使用新密码；您在其他设备或浏览器上的登录已自动退出。");
      return;
    }
    setError(res.error);
    for (const [f, m] of Object.entries(res.fieldErrors ?? {})) setFieldError(f, m);
  };
  return (
    <form
      ref={formRef}
      className="form"
      onSubmit={handleSubmit(FIELDS, changePasswordProblems, onSubmit)}
      noValidate
      aria-label="修改登录密码"
    >
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
