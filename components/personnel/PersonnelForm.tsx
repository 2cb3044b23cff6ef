"use client";

import { useActionState } from "react";
import { savePersonnelAction } from "@/app/employer/personnel/actions";
import { FormError } from "@/components/review/FormError";
import { submitWithoutReset } from "@/components/review/submit-without-reset";
import { EDUCATION_LEVELS, PERSONNEL_FIELD_LABELS, type PersonnelData } from "@/lib/domain/personnel";
import { ID_DOCUMENT_TYPE_LABELS, ID_DOCUMENT_TYPES } from "@/lib/domain/types";

type Key = keyof PersonnelData;

/**
 * 人员信息 (M4): 基本信息, 学历 and 技术职称 as on the seed's form (`004` 第二步). Saving keeps the record with the
 * employer; it reaches the authority only when the employer 上报s it from the record's page.
 */
export function PersonnelForm({ record }: { record?: { id: string; version: number; data: PersonnelData } }) {
  const [state, save, pending] = useActionState(savePersonnelAction, null);
  const fe = state?.fieldErrors ?? {};
  const d = record?.data;
  const text = (k: Key, opts: { type?: string; placeholder?: string; required?: boolean; help?: string } = {}) => (
    <div className="field" key={k}>
      <label htmlFor={`p-${k}`}>
        {PERSONNEL_FIELD_LABELS[k]}
        {opts.required === false ? null : <span className="req">*</span>}
      </label>
      <input
        id={`p-${k}`}
        name={k}
        type={opts.type ?? "text"}
        className="input"
        defaultValue={d?.[k] ?? ""}
        placeholder={opts.placeholder}
        aria-invalid={fe[k] ? true : undefined}
        aria-describedby={fe[k] ? `p-${k}-err` : undefined}
      />
      {opts.help ? <span className="help">{opts.help}</span> : null}
      {fe[k] ? (
        <span className="field-error" id={`p-${k}-err`}>
          {fe[k]}
        </span>
      ) : null}
    </div>
  );
  const select = (k: Key, options: [string, string][]) => (
    <div className="field" key={k}>
      <label htmlFor={`p-${k}`}>
        {PERSONNEL_FIELD_LABELS[k]}
        <span className="req">*</span>
      </label>
      <select
        id={`p-${k}`}
        name={k}
        className="input"
        defaultValue={d?.[k] ?? ""}
        aria-invalid={fe[k] ? true : undefined}
      >
        <option value="" disabled>
          请选择
        </option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      {fe[k] ? <span className="field-error">{fe[k]}</span> : null}
    </div>
  );
  return (
    <form onSubmit={submitWithoutReset(save)} className="form" noValidate aria-label="人员信息">
      <FormError state={state} />
      {record ? (
        <>
          <input type="hidden" name="id" value={record.id} />
          <input type="hidden" name="version" value={record.version} />
        </>
      ) : null}
      <fieldset>
        <legend>基本信息</legend>
        {text("name")}
        {select("gender", [
          ["male", "男"],
          ["female", "女"],
        ])}
        {select(
          "idType",
          ID_DOCUMENT_TYPES.map((t) => [t, ID_DOCUMENT_TYPE_LABELS[t]]),
        )}
        {text("idNumber")}
        {text("birthDate", { type: "date" })}
        {text("phone", { type: "tel", placeholder: "11位手机号码" })}
        {text("position", { placeholder: "如：造价员" })}
      </fieldset>
      <fieldset>
        <legend>学历信息</legend>
        {select(
          "education",
          EDUCATION_LEVELS.map((l) => [l, l]),
        )}
        {text("degree", { required: false })}
        {text("school")}
        {text("major", { help: "请严格按照毕业证书上的专业名称填写。" })}
        {text("graduationDate", { type: "date" })}
      </fieldset>
      <fieldset>
        <legend>职称信息</legend>
        {text("title", { help: "如：工程师、高级工程师；暂无职称的请填写“无职称”。" })}
        {text("titleYear", { placeholder: "格式如：1999", required: false, help: "有职称的必填。" })}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="btn" disabled={pending}>
          {pending ? "正在保存…" : "保存"}
        </button>
      </div>
    </form>
  );
}
