"use client";

import { useFieldArray, useFormContext } from "react-hook-form";
import type { WizardField } from "@/lib/queries/applicant-wizard";
import type { Messages } from "@/lib/i18n/catalog";
import { fill } from "@/lib/i18n/fill";
import { errorAt, type WizardForm } from "./form-model";

/** A table of 申报信息 (工作经历, 工作业绩 …): rows added and removed by the applicant, one input per cell. */
export function TableField({ f, text: tx }: { f: WizardField; text: Messages["filing"]["client"]["table"] }) {
  const { control, register, formState } = useFormContext<WizardForm>();
  // The path names one table of the open record of values; react-hook-form's path types cannot see it is an array.
  const name = `values.${f.name}` as never;
  const { fields: rows, append, remove } = useFieldArray({ control, name });
  const cols = f.columns ?? [];
  const errorOf = (path: string) => errorAt(formState.errors, path);
  const tableError = errorOf(`values.${f.name}`);
  return (
    <div className="field" data-field={f.name}>
      <div className="table-wrap">
        <table className="table ap-table-input" aria-label={f.label}>
          <thead>
            <tr>
              <th className="ap-col-index">{tx.index}</th>
              {cols.map((c) => (
                <th key={c.name}>
                  {c.label}
                  {c.required ? <span className="req">*</span> : null}
                </th>
              ))}
              <th>{tx.actions}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.id}>
                <td>{i + 1}</td>
                {cols.map((c) => {
                  const path = `values.${f.name}.${i}.${c.name}` as const;
                  const err = errorOf(path);
                  return (
                    <td key={c.name}>
                      <input
                        className="input"
                        aria-label={fill(tx.cell, { n: i + 1, label: c.label })}
                        type={c.kind === "date" ? "date" : "text"}
                        inputMode={c.kind === "number" ? "numeric" : undefined}
                        {...register(path)}
                        aria-invalid={err ? true : undefined}
                      />
                      {err ? <span className="error">{err}</span> : null}
                    </td>
                  );
                })}
                <td>
                  <button type="button" className="btn-link btn-link-danger" onClick={() => remove(i)}>
                    {tx.remove}
                  </button>
                </td>
              </tr>
            ))}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={cols.length + 2} className="ap-muted">
                  {tx.empty}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <div className="ap-inline">
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          onClick={() => append(Object.fromEntries(cols.map((c) => [c.name, ""])) as never)}
        >
          {tx.add}
        </button>
        {f.minRows ? <span className="ap-muted">{fill(tx.minRows, { n: f.minRows })}</span> : null}
      </div>
      {tableError ? <span className="error">{tableError}</span> : null}
    </div>
  );
}
