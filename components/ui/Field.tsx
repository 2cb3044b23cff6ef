import type { InputHTMLAttributes, ReactNode } from "react";

/** What a field hands to its control so that label, help and error text are tied to it for screen readers. */
export type FieldControl = { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string };

/**
 * A labelled form control with optional help text and the error of the last submission. The label points at the
 * control (htmlFor/id); help and error are read with it (aria-describedby); an error marks it aria-invalid.
 * Without `children` it renders a text input; otherwise `children(control)` renders the select/textarea/input.
 */
export function Field({
  name,
  id = name,
  label,
  required,
  help,
  error,
  width,
  className,
  inputProps,
  children,
}: {
  name: string;
  id?: string;
  label: ReactNode;
  required?: boolean;
  help?: ReactNode;
  error?: string | null;
  /** Narrow fields for short values (a number, a date, a short code). */
  width?: "xs" | "sm" | "md";
  className?: string;
  inputProps?: InputHTMLAttributes<HTMLInputElement>;
  children?: (control: FieldControl) => ReactNode;
}) {
  const helpId = help ? `${id}-help` : null;
  const errorId = error ? `${id}-error` : null;
  const describedBy = [helpId, errorId].filter(Boolean).join(" ");
  const control: FieldControl = {
    id,
    name,
    ...(error ? { "aria-invalid": true as const } : {}),
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
  };
  return (
    <div className={["field", width ? `field-${width}` : "", className ?? ""].filter(Boolean).join(" ")}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="req">*</span> : null}
      </label>
      {children ? children(control) : <input className="input" {...inputProps} {...control} />}
      {helpId ? (
        <span id={helpId} className="help">
          {help}
        </span>
      ) : null}
      {errorId ? (
        <span id={errorId} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
