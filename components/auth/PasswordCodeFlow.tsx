"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { homePathFor } from "@/lib/auth-paths";
import { PASSWORD_RULE } from "@/lib/domain/password-rule";
import type { IdDocumentType } from "@/lib/domain/types";
import type { AuthWords } from "./auth-words";
import { identityProblems, setPasswordProblems, trimIdentity } from "./checks";
import { HumanCheck } from "./HumanCheck";
import { NewPasswordFields } from "./NewPasswordFields";
import { FormAlert, IdTypeSelect, TextField, type FormValues } from "./fields";
import { signInWithCredentials } from "./sign-in";
import { said, saidAll } from "./said";
import { usePlainForm } from "./use-plain-form";

type Kind = "applicant" | "employer";

/**
 * 获取密码 / 找回密码: ① identity (+ 人机验证 when required) → SMS code to the phone on record, the same answer whether
 * or not the account exists; ② code + new password twice;
 * ③ done (signs in straight away).
 */
export function PasswordCodeFlow({
  kind,
  purpose,
  sendCode,
  setPassword,
  loginPath,
  initialCaptcha,
  words,
}: {
  kind: Kind;
  /** Texts in the page's language (authWords on the server). */
  words: AuthWords;
  purpose: "activate" | "reset";
  /** Show the image captcha from the start (this address already asked for codes twice within the hour). */
  initialCaptcha: boolean;
  sendCode: (input: FormValues) => Promise<ActionResult<{ notice: string }>>;
  setPassword: (input: FormValues) => Promise<ActionResult>;
  loginPath: string;
}) {
  const [step, setStep] = useState<1 | 2 | 3>(1);
  const [identity, setIdentity] = useState<FormValues>({});
  const [notice, setNotice] = useState("");
  const [note, setNote] = useState<string | null>(null);
  const [captchaOn, setCaptchaOn] = useState(initialCaptcha);
  const w = words.flow;
  const verb = purpose === "activate" ? w.activateVerb : w.resetVerb;

  return (
    <>
      <ol className="steps" aria-label={w.stepsLabel}>
        {[w.stepIdentity, w.stepPassword, w.stepDone].map((label, i) => (
          <li key={label} aria-current={step === i + 1 ? "step" : undefined}>
            {i + 1}. {label}
          </li>
        ))}
      </ol>
      {step === 1 ? (
        <RequestStep
          kind={kind}
          words={words}
          verb={verb}
          defaults={identity}
          captchaOn={captchaOn}
          onCaptchaRequired={() => setCaptchaOn(true)}
          sendCode={sendCode}
          onSent={(values, text) => {
            setIdentity(values);
            setNotice(text);
            setStep(2);
          }}
        />
      ) : step === 2 ? (
        <SetStep
          kind={kind}
          words={words}
          identity={identity}
          notice={notice}
          setPassword={setPassword}
          onBack={() => setStep(1)}
          onDone={async (password) => {
            setStep(3);
            const credentials: FormValues =
              kind === "applicant"
                ? { idType: identity.idType ?? "", idNumber: identity.idNumber ?? "" }
                : { uscc: identity.uscc ?? "" };
            const res = await signInWithCredentials(kind, { ...credentials, password });
            if (res.ok) {
              window.location.assign(homePathFor(kind));
            } else {
              setNote(w.signInWithNew);
            }
          }}
        />
      ) : (
        <div className="form">
          <div className="alert alert-success" role="status">
            {purpose === "activate" ? w.activated : w.resetDone}
            {note ?? w.entering}
          </div>
          <p className="help">{w.remember}</p>
          <div className="form-actions">
            <Link className="btn" href={loginPath}>
              {w.signInNow}
            </Link>
            <button type="button" className="btn btn-secondary" onClick={() => window.print()}>
              {w.print}
            </button>
          </div>
        </div>
      )}
    </>
  );
}

function RequestStep({
  kind,
  words,
  verb,
  defaults,
  captchaOn,
  onCaptchaRequired,
  sendCode,
  onSent,
}: {
  kind: Kind;
  words: AuthWords;
  verb: string;
  defaults: FormValues;
  captchaOn: boolean;
  onCaptchaRequired: () => void;
  sendCode: (input: FormValues) => Promise<ActionResult<{ notice: string }>>;
  onSent: (values: FormValues, notice: string) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [captchaVersion, setCaptchaVersion] = useState(1);
  const captcha = useRef("");
  const {
    formRef,
    register,
    errors,
    setError: setFieldError,
    clearError,
    handleSubmit,
    isSubmitting,
  } = usePlainForm({
    idType: "resident_id",
    ...defaults,
  });
  const fields = kind === "applicant" ? ["idType", "idNumber"] : ["uscc"];
  const onSubmit = async (raw: FormValues) => {
    setError(null);
    if (captchaOn && !captcha.current.trim()) return setFieldError("captcha", words.form.captchaFirst);
    const values = trimIdentity(raw);
    const res = await sendCode({ ...values, captcha: captcha.current });
    if (res.ok) return onSent(values, res.notice);
    setError(said(words, res.error));
    for (const [f, m] of Object.entries(res.fieldErrors ?? {})) setFieldError(f, said(words, m));
    if (res.captchaRequired) onCaptchaRequired();
    setCaptchaVersion((v) => v + 1);
    captcha.current = "";
  };
  return (
    <form
      ref={formRef}
      className="form"
      onSubmit={handleSubmit(fields, (v) => saidAll(words, identityProblems(kind, v)), onSubmit)}
      noValidate
      aria-label={verb}
    >
      <FormAlert error={error} />
      {kind === "applicant" ? (
        <>
          <IdTypeSelect register={register} errors={errors} label={words.form.idType} typeNames={words.idTypes} />
          <TextField
            name="idNumber"
            label={words.form.idNumber}
            register={register}
            errors={errors}
            placeholder={words.form.idNumberFill}
          />
        </>
      ) : (
        <TextField
          name="uscc"
          label={words.form.uscc}
          register={register}
          errors={errors}
          placeholder={words.form.usccPlaceholder}
        />
      )}
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
      <p className="help">{words.flow.smsHint}</p>
      <button type="submit" className="btn btn-block" disabled={isSubmitting}>
        {isSubmitting ? words.flow.sending : words.flow.sendCode}
      </button>
    </form>
  );
}

function SetStep({
  kind,
  words,
  identity,
  notice,
  setPassword,
  onBack,
  onDone,
}: {
  kind: Kind;
  words: AuthWords;
  identity: FormValues;
  notice: string;
  setPassword: (input: FormValues) => Promise<ActionResult>;
  onBack: () => void;
  onDone: (password: string) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const { formRef, register, errors, setError: setFieldError, handleSubmit, isSubmitting } = usePlainForm();
  const w = words.flow;
  const who =
    kind === "applicant"
      ? `${words.idTypes[identity.idType as IdDocumentType] ?? ""} ${identity.idNumber ?? ""}`
      : w.usccWho.replace("{uscc}", identity.uscc ?? "");
  const onSubmit = async (entered: FormValues) => {
    setError(null);
    const values: FormValues = { ...identity, ...entered, code: entered.code?.trim() ?? "" };
    const res = await setPassword(values);
    if (res.ok) return onDone(values.password ?? "");
    setError(said(words, res.error));
    for (const [f, m] of Object.entries(res.fieldErrors ?? {})) setFieldError(f, said(words, m));
  };
  return (
    <form
      ref={formRef}
      className="form"
      onSubmit={handleSubmit(
        ["code", "password", "confirm"],
        (v) => saidAll(words, setPasswordProblems(kind, { ...identity, ...v })),
        onSubmit,
      )}
      noValidate
      aria-label={w.stepPassword}
    >
      <div className="alert alert-info" role="status">
        <span data-testid="code-notice">{notice}</span>
        {w.whoParen.replace("{who}", who.trim())}
        <br />
        {w.noSms}
      </div>
      <FormAlert error={error} />
      <TextField
        name="code"
        label={w.code}
        register={register}
        errors={errors}
        autoComplete="one-time-code"
        placeholder={w.codePlaceholder}
      />
      <NewPasswordFields
        texts={{ newPassword: w.newPassword, confirm: w.confirmPassword, passwordRule: said(words, PASSWORD_RULE) }}
        register={register}
        errors={errors}
      />
      <div className="form-actions">
        <button type="submit" className="btn" disabled={isSubmitting}>
          {isSubmitting ? w.saving : w.save}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onBack}>
          {w.resend}
        </button>
      </div>
    </form>
  );
}
