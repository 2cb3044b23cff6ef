"use client";

import { useActionState } from "react";
import { fileNameChangeAction } from "@/app/employer/name-change/actions";
import { FormError } from "@/components/review/FormError";
import { submitWithoutReset } from "@/components/review/submit-without-reset";

/** 单位名称变更 (R4): the new registered name and the proof of the change. */
export function NameChangeForm({ currentName }: { currentName: string }) {
  const [state, submit, pending] = useActionState(fileNameChangeAction, null);
  const fe = state?.fieldErrors ?? {};
  return (
    <form
      onSubmit={submitWithoutReset(submit)}
      className="form"
      noValidate
      aria-label="单位名称变更"
      encType="multipart/form-data"
    >
      <FormError state={state} />
      <div className="field">
        <span>当前单位名称：{currentName}</span>
      </div>
      <div className="field">
        <label htmlFor="newName">
          变更后的单位名称<span className="req">*</span>
        </label>
        <input
          id="newName"
          name="newName"
          className="input"
          maxLength={100}
          aria-invalid={fe.newName ? true : undefined}
        />
        <span className="help">请与变更后的营业执照（工商注册名称）完全一致。</span>
        {fe.newName ? <span className="field-error">{fe.newName}</span> : null}
      </div>
      <div className="field">
        <label htmlFor="proof">
          名称变更证明<span className="req">*</span>
        </label>
        <input
          id="proof"
          name="proof"
          type="file"
          accept=".jpg,.jpeg,image/jpeg"
          className="input"
          aria-invalid={fe.proof ? true : undefined}
        />
        <span className="help">变更后的营业执照或工商变更通知书扫描件，JPG 格式，不超过 2 MB。</span>
        {fe.proof ? <span className="field-error">{fe.proof}</span> : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn" disabled={pending}>
          {pending ? "正在提交…" : "提交名称变更"}
        </button>
      </div>
    </form>
  );
}
