"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import type { ActionResult } from "@/lib/action-result";
import { homePathFor } from "@/lib/auth-paths";
import { ID_DOCUMENT_TYPE_LABELS, type IdDocumentType } from "@/lib/domain/types";
import {
  applicantCodeRequestSchema,
  applicantSetPasswordSchema,
  employerCodeRequestSchema,
  employerSetPasswordSchema,
  PASSWORD_RULE,
} from "@/lib/schemas/accounts";
import { HumanCheck } from "./HumanCheck";
import { FormAlert, IdTypeSelect, TextField, type FormValues } from "./fields";

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
            const credentials = kind === "applicant" ? { idType: identity.idType, idNumber: identity.idNumber } : { uscc: identity.uscc };
            const res = await signIn<"credentials">(kind, { redirect: false, ...credentials, password });
            if (res?.ok && !res.error) {
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
  const schema = kind === "applicant" ? applicantCodeRequestSchema : employerCodeRequestSchema;
  const {
    register,
    handleSubmit,
    setValue,
    setError: setFieldError,
    clearErrors,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({
    resolver: zodResolver(schema) as unknown as Resolver<FormValues>,
    defaultValues: { idType: "resident_id", idNumber: "", uscc: "", ...defaults, captcha: "" },
  });
  const onSubmit = async (values: FormValues) => {
    setError(null);
    if (captchaOn && !values.captcha?.trim()) return setFieldError("captcha", { message: "请先勾选“我不是机器人”完成人机验证。" });
    const res = await sendCode(values);
    if (res.ok) return onSent(values, res.notice);
    setError(res.error);
    for (const [f, m] of Object.entries(res.fieldErrors ?? {})) setFieldError(f, { message: m });
    if (res.captchaRequired) onCaptchaRequired();
    setCaptchaVersion((v) => v + 1);
    setValue("captcha", "");
  };
  return (
    <form className="form" onSubmit={handleSubmit(onSubmit)} noValidate aria-label={verb}>
      <FormAlert error={error} />
      {kind === "applicant" ? (
        <>
          <IdTypeSelect register={register} errors={errors} />
          <TextField name="idNumber" label="证件号码" register={register} errors={errors} placeholder="请填写证件号码" />
        </>
      ) : (
        <TextField name="uscc" label="统一社会信用代码" register={register} errors={errors} placeholder="18位，见营业执照" />
      )}
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
  const schema = kind === "applicant" ? applicantSetPasswordSchema : employerSetPasswordSchema;
  const {
    register,
    handleSubmit,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({
    resolver: zodResolver(schema) as unknown as Resolver<FormValues>,
    defaultValues: { ...identity, code: "", password: "", confirm: "" },
  });
  const who =
    kind === "applicant"
      ? `${ID_DOCUMENT_TYPE_LABELS[identity.idType as IdDocumentType] ?? ""} ${identity.idNumber ?? ""}`
      : `统一社会信用代码 ${identity.uscc ?? ""}`;
  const onSubmit = async (values: FormValues) => {
    setError(null);
    const res = await setPassword(values);
    if (res.ok) return onDone(values.password ?? "");
    setError(res.error);
    for (const [f, m] of Object.entries(res.fieldErrors ?? {})) setFieldError(f, { message: m });
  };
  return (
    <form className="form" onSubmit={handleSubmit(onSubmit)} noValidate aria-label="设置新密码">
      <div className="alert alert-info" role="status">
        <span data-testid="code-notice">{notice}</span>（{who.trim()}）
        <br />
        未收到短信？请核对上一步填写的信息；如手机号码已变更，请联系所在地注册管理机构。
      </div>
      <FormAlert error={error} />
      <TextField name="code" label="短信验证码" register={register} errors={errors} autoComplete="one-time-code" placeholder="6位数字" />
      <TextField name="password" label="新密码" type="password" register={register} errors={errors} autoComplete="new-password" help={PASSWORD_RULE} />
      <TextField name="confirm" label="确认新密码" type="password" register={register} errors={errors} autoComplete="new-password" />
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
