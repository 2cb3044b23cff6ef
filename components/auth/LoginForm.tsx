"use client";

import { useRef, useState } from "react";
import { homePathFor } from "@/lib/auth-paths";
import type { UserRole } from "@/lib/domain/types";
import { loginProblems, trimIdentity } from "./checks";
import { HumanCheck } from "./HumanCheck";
import { FormAlert, IdTypeSelect, TextField, type FormValues } from "./fields";
import { sessionRole, signInWithCredentials } from "./sign-in";
import { usePlainForm } from "./use-plain-form";

export type LoginKind = "applicant" | "employer" | "staff";

const FIELDS = {
  applicant: ["idType", "idNumber", "password"],
  employer: ["uscc", "password"],
  staff: ["username", "password"],
};
const ROLES: readonly string[] = ["applicant", "employer", "reviewer", "admin"] satisfies UserRole[];

/** next-auth puts authorize()'s error message into `error`; ours is JSON (see lib/server/auth.ts). */
function parseError(error: string | null | undefined): {
  message: string;
  captchaRequired: boolean;
  fieldErrors?: Record<string, string>;
} {
  try {
    const p = JSON.parse(error ?? "") as {
      message?: string;
      captchaRequired?: boolean;
      fieldErrors?: Record<string, string>;
    };
    if (p.message) return { message: p.message, captchaRequired: !!p.captchaRequired, fieldErrors: p.fieldErrors };
  } catch {}
  return { message: "登录暂时无法完成，请稍后重试；如多次出现请联系管理员。", captchaRequired: false };
}

export function LoginForm({ kind, initialCaptcha }: { kind: LoginKind; initialCaptcha: boolean }) {
  const [captchaOn, setCaptchaOn] = useState(initialCaptcha);
  const [captchaVersion, setCaptchaVersion] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const captcha = useRef("");
  const {
    formRef,
    register,
    errors,
    setError: setFieldError,
    clearError,
    setValue,
    handleSubmit,
    isSubmitting,
  } = usePlainForm(kind === "applicant" ? { idType: "resident_id" } : {});

  const onSubmit = async (values: FormValues) => {
    setError(null);
    if (captchaOn && !captcha.current.trim()) return setFieldError("captcha", "请先勾选“我不是机器人”完成人机验证。");
    const res = await signInWithCredentials(kind, {
      ...trimIdentity(values),
      captcha: captcha.current,
      captchaRequired: captchaOn ? "1" : "",
    });
    if (res.ok) {
      const role = await sessionRole();
      window.location.assign(role && ROLES.includes(role) ? homePathFor(role as UserRole) : "/");
      return;
    }
    const p = parseError(res.error);
    setError(p.message);
    for (const [field, message] of Object.entries(p.fieldErrors ?? {})) setFieldError(field, message);
    if (p.captchaRequired) setCaptchaOn(true);
    setCaptchaVersion((v) => v + 1);
    captcha.current = "";
    if (!p.fieldErrors) setValue("password", "");
  };

  return (
    <form
      ref={formRef}
      className="form"
      onSubmit={handleSubmit(FIELDS[kind], (v) => loginProblems(kind, v), onSubmit)}
      noValidate
      aria-label="登录"
    >
      <FormAlert error={error} />
      {kind === "applicant" ? (
        <>
          <IdTypeSelect register={register} errors={errors} />
          <TextField
            name="idNumber"
            label="证件号码"
            register={register}
            errors={errors}
            autoComplete="username"
            placeholder="请输入证件号码"
          />
        </>
      ) : kind === "employer" ? (
        <TextField
          name="uscc"
          label="统一社会信用代码"
          register={register}
          errors={errors}
          autoComplete="username"
          placeholder="18位，见营业执照"
        />
      ) : (
        <TextField
          name="username"
          label="用户名"
          register={register}
          errors={errors}
          autoComplete="username"
          placeholder="请输入用户名"
        />
      )}
      <TextField
        name="password"
        label="密码"
        type="password"
        register={register}
        errors={errors}
        autoComplete="current-password"
        placeholder="请输入密码"
      />
      {captchaOn ? (
        <HumanCheck
          onPayload={(payload) => {
            captcha.current = payload;
            if (payload) clearError("captcha");
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
