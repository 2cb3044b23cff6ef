"use client";

import { useFieldArray, useFormContext } from "react-hook-form";
import type { WizardField } from "@/lib/queries/applicant-wizard";
import { errorAt, type WizardForm } from "./form-model";

/** A table of 申报信息 (工作经历, 工作业绩 …): rows added and removed by the applicant, one input per cell. */
export function TableField({ f }: { f: WizardField }) {
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
              <th className="ap-col-index">序号</th>
              {cols.map((c) => (
                <th key={c.name}>
                  {c.label}
                  {c.required ? <span className="req">*</span> : null}
                </th>
              ))}
              <th>操作</th>
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
                        aria-label={`第${i + 1}行${c.label}`}
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
                    删除
                  </button>
                </td>
              </tr>
            ))}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={cols.length + 2} className="ap-muted">
                  暂无数据，请点击“添加一行”。
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
          添加一行
        </button>
        {f.minRows ? <span className="ap-muted">至少 {f.minRows} 行</span> : null}
      </div>
      {tableError ? <span className="error">{tableError}</span> : null}
    </div>
  );
}
