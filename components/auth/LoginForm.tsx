"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { getSession, signIn } from "next-auth/react";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { homePathFor } from "@/lib/auth-paths";
import { applicantLoginSchema, employerLoginSchema, staffLoginSchema } from "@/lib/schemas/accounts";
import { HumanCheck } from "./HumanCheck";
import { FormAlert, IdTypeSelect, TextField, type FormValues } from "./fields";

export type LoginKind = "applicant" | "employer" | "staff";

const SCHEMAS = { applicant: applicantLoginSchema, employer: employerLoginSchema, staff: staffLoginSchema };

/** next-auth puts authorize()'s error message into `error`; ours is JSON (see lib/server/auth.ts). */
function parseError(error: string | null | undefined): { message: string; captchaRequired: boolean; fieldErrors?: Record<string, string> } {
  try {
    const p = JSON.parse(error ?? "") as { message?: string; captchaRequired?: boolean; fieldErrors?: Record<string, string> };
    if (p.message) return { message: p.message, captchaRequired: !!p.captchaRequired, fieldErrors: p.fieldErrors };
  } catch {}
  return { message: "登录暂时无法完成，请稍后重试；如多次出现请联系管理员。", captchaRequired: false };
}

export function LoginForm({ kind, initialCaptcha }: { kind: LoginKind; initialCaptcha: boolean }) {
  const [captchaOn, setCaptchaOn] = useState(initialCaptcha);
  const [captchaVersion, setCaptchaVersion] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setValue,
    setError: setFieldError,
    clearErrors,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({
    resolver: zodResolver(SCHEMAS[kind]) as unknown as Resolver<FormValues>,
    defaultValues: kind === "applicant" ? { idType: "resident_id", idNumber: "", password: "", captcha: "" } : {},
  });

  const onSubmit = async (values: FormValues) => {
    setError(null);
    if (captchaOn && !values.captcha?.trim()) return setFieldError("captcha", { message: "请先勾选“我不是机器人”完成人机验证。" });
    const res = await signIn<"credentials">(kind, { redirect: false, ...values, captchaRequired: captchaOn ? "1" : "" });
    if (res?.ok && !res.error) {
      const session = await getSession();
      window.location.assign(session?.user?.role ? homePathFor(session.user.role) : "/");
      return;
    }
    const p = parseError(res?.error);
    setError(p.message);
    for (const [field, message] of Object.entries(p.fieldErrors ?? {})) setFieldError(field, { message });
    if (p.captchaRequired) setCaptchaOn(true);
    setCaptchaVersion((v) => v + 1);
    setValue("captcha", "");
    if (!p.fieldErrors) setValue("password", "");
  };

  return (
    <form className="form" onSubmit={handleSubmit(onSubmit)} noValidate aria-label="登录">
      <FormAlert error={error} />
      {kind === "applicant" ? (
        <>
          <IdTypeSelect register={register} errors={errors} />
          <TextField name="idNumber" label="证件号码" register={register} errors={errors} autoComplete="username" placeholder="请输入证件号码" />
        </>
      ) : kind === "employer" ? (
        <TextField name="uscc" label="统一社会信用代码" register={register} errors={errors} autoComplete="username" placeholder="18位，见营业执照" />
      ) : (
        <TextField name="username" label="用户名" register={register} errors={errors} autoComplete="username" placeholder="请输入用户名" />
      )}
      <TextField name="password" label="密码" type="password" register={register} errors={errors} autoComplete="current-password" placeholder="请输入密码" />
      {captchaOn ? (
        <HumanCheck
          onPayload={(payload) => {
            setValue("captcha", payload);
            if (payload) clearErrors("captcha");
          }}
          error={errors.captcha?.message as string | undefined}
          version={captchaVersion}
        />
      ) : null}
      <button type="submit" className="btn btn-block" disabled={isSubmitting}>
        {isSubmitting ? "正在登录…" : "登 录"}
      </button>
    </form>
  );
}
