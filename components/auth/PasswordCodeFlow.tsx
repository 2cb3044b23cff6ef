"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { homePathFor } from "@/lib/auth-paths";
import { PASSWORD_RULE } from "@/lib/domain/password-rule";
import { ID_DOCUMENT_TYPE_LABELS, type IdDocumentType } from "@/lib/domain/types";
import { identityProblems, setPasswordProblems, trimIdentity } from "./checks";
import { HumanCheck } from "./HumanCheck";
import { FormAlert, IdTypeSelect, TextField, type FormValues } from "./fields";
import { signInWithCredentials } from "./sign-in";
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
}: {
  kind: Kind;
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
  const verb = purpose === "activate" ? "获取密码" : "找回密码";

  return (
    <>
      <ol className="steps" aria-label="办理步骤">
        {["验证身份", "设置新密码", "完成"].map((label, i) => (
          <li key={label} aria-current={step === i + 1 ? "step" : undefined}>
            {i + 1}. {label}
          </li>
        ))}
      </ol>
      {step === 1 ? (
        <RequestStep
          kind={kind}
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
              setNote("请使用新密码登录。");
            }
          }}
        />
      ) : (
        <div className="form">
          <div className="alert alert-success" role="status">
            {purpose === "activate" ? "获取密码成功！" : "密码已重新设置！"}
            {note ?? "正在进入系统…"}
          </div>
          <p className="help">请牢记新密码；如有需要可打印本页备查。</p>
          <div className="form-actions">
            <Link className="btn" href={loginPath}>
              现在登录
            </Link>
            <button type="button" className="btn btn-secondary" onClick={() => window.print()}>
              打印
            </button>
          </div>
        </div>
      )}
    </>
  );
}

function RequestStep({
  kind,
  verb,
  defaults,
  captchaOn,
  onCaptchaRequired,
  sendCode,
  onSent,
}: {
  kind: Kind;
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
    if (captchaOn && !captcha.current.trim()) return setFieldError("captcha", "请先勾选“我不是机器人”完成人机验证。");
    const values = trimIdentity(raw);
    const res = await sendCode({ ...values, captcha: captcha.current });
    if (res.ok) return onSent(values, res.notice);
    setError(res.error);
    for (const [f, m] of Object.entries(res.fieldErrors ?? {})) setFieldError(f, m);
    if (res.captchaRequired) onCaptchaRequired();
    setCaptchaVersion((v) => v + 1);
    captcha.current = "";
  };
  return (
    <form
      ref={formRef}
      className="form"
      onSubmit={handleSubmit(fields, (v) => identityProblems(kind, v), onSubmit)}
      noValidate
      aria-label={verb}
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
            placeholder="请填写证件号码"
          />
        </>
      ) : (
        <TextField
          name="uscc"
          label="统一社会信用代码"
          register={register}
          errors={errors}
          placeholder="18位，见营业执照"
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
        />
      ) : null}
      <p className="help">验证码将以短信发送到您登记的手机号码。</p>
      <button type="submit" className="btn btn-block" disabled={isSubmitting}>
        {isSubmitting ? "正在发送…" : "获取短信验证码"}
      </button>
    </form>
  );
}

function SetStep({
  kind,
  identity,
  notice,
  setPassword,
  onBack,
  onDone,
}: {
  kind: Kind;
  identity: FormValues;
  notice: string;
  setPassword: (input: FormValues) => Promise<ActionResult>;
  onBack: () => void;
  onDone: (password: string) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const { formRef, register, errors, setError: setFieldError, handleSubmit, isSubmitting } = usePlainForm();
  const who =
    kind === "applicant"
      ? `${ID_DOCUMENT_TYPE_LABELS[identity.idType as IdDocumentType] ?? ""} ${identity.idNumber ?? ""}`
      : `统一社会信用代码 ${identity.uscc ?? ""}`;
  const onSubmit = async (entered: FormValues) => {
    setError(null);
    const values: FormValues = { ...identity, ...entered, code: entered.code?.trim() ?? "" };
    const res = await setPassword(values);
    if (res.ok) return onDone(values.password ?? "");
    setError(res.error);
    for (const [f, m] of Object.entries(res.fieldErrors ?? {})) setFieldError(f, m);
  };
  return (
    <form
      ref={formRef}
      className="form"
      onSubmit={handleSubmit(
        ["code", "password", "confirm"],
        (v) => setPasswordProblems(kind, { ...identity, ...v }),
        onSubmit,
      )}
      noValidate
      aria-label="设置新密码"
    >
      <div className="alert alert-info" role="status">
        <span data-testid="code-notice">{notice}</span>（{who.trim()}）
        <br />
        未收到短信？请核对上一步填写的信息；如手机号码已变更，请联系所在地注册管理机构。
      </div>
      <FormAlert error={error} />
      <TextField
        name="code"
        label="短信验证码"
        register={register}
        errors={errors}
        autoComplete="one-time-code"
        placeholder="6位数字"
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
      <div className="form-actions">
        <button type="submit" className="btn" disabled={isSubmitting}>
          {isSubmitting ? "正在保存…" : "保 存"}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onBack}>
          没收到？重新获取
        </button>
      </div>
    </form>
  );
}
