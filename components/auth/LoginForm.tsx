"use client";

import { useRef, useState } from "react";
import { homePathFor } from "@/lib/auth-paths";
import type { UserRole } from "@/lib/domain/types";
import type { AuthWords } from "./auth-words";
import { loginProblems, trimIdentity } from "./checks";
import { HumanCheck } from "./HumanCheck";
import { FormAlert, IdTypeSelect, TextField, type FormValues } from "./fields";
import { sessionRole, signInWithCredentials } from "./sign-in";
import { said, saidAll } from "./said";
import { usePlainForm } from "./use-plain-form";

export type LoginKind = "applicant" | "employer" | "staff";

const FIELDS = {
  applicant: ["idType", "idNumber", "password"],
  employer: ["uscc", "password"],
  staff: ["username", "password"],
};
const ROLES: readonly string[] = ["applicant", "employer", "reviewer", "admin"] satisfies UserRole[];

/** next-auth puts authorize()'s error message into `error`; ours is JSON (see lib/server/auth.ts). */
function parseError(
  error: string | null | undefined,
  failed: string,
): {
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
  return { message: failed, captchaRequired: false };
}

export function LoginForm({
  kind,
  initialCaptcha,
  words,
}: {
  kind: LoginKind;
  initialCaptcha: boolean;
  /** Texts in the page's language (authWords on the server). */
  words: AuthWords;
}) {
  const w = words.form;
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
    if (captchaOn && !captcha.current.trim()) return setFieldError("captcha", w.captchaFirst);
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
    const p = parseError(res.error, w.failed);
    setError(said(words, p.message));
    for (const [field, message] of Object.entries(p.fieldErrors ?? {})) setFieldError(field, said(words, message));
    if (p.captchaRequired) setCaptchaOn(true);
    setCaptchaVersion((v) => v + 1);
    captcha.current = "";
    if (!p.fieldErrors) setValue("password", "");
  };

  return (
    <form
      ref={formRef}
      className="form"
      onSubmit={handleSubmit(FIELDS[kind], (v) => saidAll(words, loginProblems(kind, v)), onSubmit)}
      noValidate
      aria-label={w.signIn}
    >
      <FormAlert error={error} />
      {kind === "applicant" ? (
        <>
          <IdTypeSelect register={register} errors={errors} label={w.idType} typeNames={words.idTypes} />
          <TextField
            name="idNumber"
            label={w.idNumber}
            register={register}
            errors={errors}
            autoComplete="username"
            placeholder={w.idNumberPlaceholder}
          />
        </>
      ) : kind === "employer" ? (
        <TextField
          name="uscc"
          label={w.uscc}
          register={register}
          errors={errors}
          autoComplete="username"
          placeholder={w.usccPlaceholder}
        />
      ) : (
        <TextField
          name="username"
          label={w.username}
          register={register}
          errors={errors}
          autoComplete="username"
          placeholder={w.usernamePlaceholder}
        />
      )}
      <TextField
        name="password"
        label={w.password}
        type="password"
        register={register}
        errors={errors}
        autoComplete="current-password"
        placeholder={w.passwordPlaceholder}
      />
      {captchaOn ? (
        <HumanCheck
          onPayload={(payload) => {
            captcha.current = payload;
            if (payload) clearError("captcha");
          }}
          error={errors.captcha?.message as string | undefined}
          version={captchaVersion}
          words={words.humanCheck}
        />
      ) : null}
      <button type="submit" className="btn btn-block" disabled={isSubmitting}>
        {isSubmitting ? w.submitting : w.submit}
      </button>
    </form>
  );
}
