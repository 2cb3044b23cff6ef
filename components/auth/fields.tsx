"use client";

import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { ID_TYPE_OPTIONS } from "@/lib/schemas/accounts";

export type FormValues = Record<string, string>;

function msg(errors: FieldErrors<FormValues>, name: string): string | undefined {
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
  register: UseFormRegister<FormValues>;
  errors: FieldErrors<FormValues>;
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
}: {
  register: UseFormRegister<FormValues>;
  errors: FieldErrors<FormValues>;
  disabled?: boolean;
}) {
  const error = msg(errors, "idType");
  return (
    <div className="field">
      <label htmlFor="idType">
        证件类型<span className="req">*</span>
      </label>
      <select id="idType" className="select" disabled={disabled} aria-invalid={error ? true : undefined} {...register("idType")}>
        {ID_TYPE_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
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
