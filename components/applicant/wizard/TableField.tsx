"use client";

import type { WizardField } from "@/lib/queries/applicant-wizard";
import type { Messages } from "@/lib/i18n/catalog";
import { fill } from "@/lib/i18n/fill";
import { str } from "./form-model";
import type { WizardFormState } from "./use-wizard-form";

/** A table of 申报信息 (工作经历, 工作业绩 …): rows added and removed by the applicant, one input per cell. */
export function TableField({
  f,
  form,
  text: tx,
}: {
  f: WizardField;
  form: WizardFormState;
  text: Messages["filing"]["client"]["table"];
}) {
  const value = form.values[f.name];
  const rows = Array.isArray(value) ? value : [];
  const keys = form.rowKeys(f.name, rows.length);
  const cols = f.columns ?? [];
  const tableError = form.problems[`values.${f.name}`];
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
              <tr key={keys[i]}>
                <td>{i + 1}</td>
                {cols.map((c) => {
                  const path = `values.${f.name}.${i}.${c.name}`;
                  const err = form.problems[path];
                  return (
                    <td key={c.name}>
                      <input
                        className="input"
                        aria-label={fill(tx.cell, { n: i + 1, label: c.label })}
                        type={c.kind === "date" ? "date" : "text"}
                        inputMode={c.kind === "number" ? "numeric" : undefined}
                        name={path}
                        value={str(r[c.name])}
                        onChange={(e) => form.setCell(f.name, i, c.name, e.target.value)}
                        aria-invalid={err ? true : undefined}
                      />
                      {err ? <span className="error">{err}</span> : null}
                    </td>
                  );
                })}
                <td>
                  <button type="button" className="btn-link btn-link-danger" onClick={() => form.removeRow(f.name, i)}>
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
          onClick={() => form.appendRow(f.name, Object.fromEntries(cols.map((c) => [c.name, ""])))}
        >
          {tx.add}
        </button>
        {f.minRows ? <span className="ap-muted">{fill(tx.minRows, { n: f.minRows })}</span> : null}
      </div>
      {tableError ? <span className="error">{tableError}</span> : null}
    </div>
  );
}
