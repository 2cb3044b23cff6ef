"use client";

import type { InputHTMLAttributes, Ref } from "react";
import { ID_DOCUMENT_TYPE_LABELS, ID_DOCUMENT_TYPES, type IdDocumentType } from "@/lib/domain/types";

export type FormValues = Record<string, string>;

/**
 * What a field needs from its form, typed structurally so a plain form (use-plain-form.ts: login, password and
 * profile pages ship no form library, issue 12) can drive it: `register(name)` returns the input's props,
 * `errors[name].message` its problem.
 */
export type FieldRegister = (
  name: string,
) => Omit<InputHTMLAttributes<HTMLInputElement & HTMLSelectElement>, "ref"> & { ref?: Ref<never> };
export type FieldErrorsLike = Record<string, { message?: unknown } | undefined>;

function msg(errors: FieldErrorsLike, name: string): string | undefined {
  const e = errors[name];
  return typeof e?.message === "string" ? e.message : undefined;
}

export function TextField({
  name,
  label,
  register,
  errors,
  type = "text",
  autoComplete,
  placeholder,
  help,
  required = true,
}: {
  name: string;
  label: string;
  register: FieldRegister;
  errors: FieldErrorsLike;
  type?: string;
  autoComplete?: string;
  placeholder?: string;
  help?: string;
  required?: boolean;
}) {
  const error = msg(errors, name);
  return (
    <div className="field">
      <label htmlFor={name}>
        {label}
        {required ? <span className="req">*</span> : null}
      </label>
      <input
        id={name}
        className="input"
        type={type}
        autoComplete={autoComplete}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={help ? `${name}-help` : undefined}
        {...register(name)}
      />
      {help ? (
        <span id={`${name}-help`} className="help">
          {help}
        </span>
      ) : null}
      {error ? <span className="error">{error}</span> : null}
    </div>
  );
}

export function IdTypeSelect({
  register,
  errors,
  disabled,
  label = "证件类型",
  typeNames = ID_DOCUMENT_TYPE_LABELS,
}: {
  register: FieldRegister;
  errors: FieldErrorsLike;
  disabled?: boolean;
  /** In the page's language (sign-in pages); Chinese when not given. */
  label?: string;
  typeNames?: Record<IdDocumentType, string>;
}) {
  const error = msg(errors, "idType");
  return (
    <div className="field">
      <label htmlFor="idType">
        {label}
        <span className="req">*</span>
      </label>
      <select
        id="idType"
        className="select"
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        {...register("idType")}
      >
        {ID_DOCUMENT_TYPES.map((value) => (
          <option key={value} value={value}>
            {typeNames[value]}
          </option>
        ))}
      </select>
      {error ? <span className="error">{error}</span> : null}
    </div>
  );
}

export function FormAlert({ error, success }: { error?: string | null; success?: string | null }) {
  if (error) {
    return (
      <div className="alert alert-error" role="alert">
        {error}
      </div>
    );
  }
  if (success) {
    return (
      <div className="alert alert-success" role="status">
        {success}
      </div>
    );
  }
  return null;
}
