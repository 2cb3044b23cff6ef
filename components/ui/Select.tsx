import type { SelectHTMLAttributes } from "react";

export type Option = { value: string; label: string };

/** A select over value/label options; `placeholder` adds the empty first choice (请选择, 全部, （无）). */
export function Select({
  options,
  placeholder,
  className,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { options: readonly Option[]; placeholder?: string }) {
  return (
    <select {...props} className={className ? `select ${className}` : "select"}>
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
