"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult as Outcome } from "@/lib/action-result";
import { recordProblems } from "./record-checks";
import { ConfirmDialog, Notice, Problem } from "./ui";

export type RecordField = {
  name: string;
  label: string;
  type: "text" | "date" | "number" | "select" | "textarea";
  required?: boolean;
  options?: { value: string; label: string }[];
  help?: string;
};
export type RecordRow = { id: string; cells: string[]; values: Record<string, string>; readOnly?: string };

/**
 * 添加 / 修改 / 删除 of 工作经历, 工作业绩, 继续教育: a table of the person's rows, an inline form checked in the browser
 * with the same messages as the service's zod schema (record-checks.ts; no zod shipped, issue 12), and a
 * confirmation before deleting.
 */
export function RecordEditor(props: {
  kind: "work" | "achievement" | "ce";
  noun: string;
  columns: string[];
  rows: RecordRow[];
  fields: RecordField[];
  defaults?: Record<string, string>;
  currentYear: number;
  save: (
    kind: "work" | "achievement" | "ce",
    id: string | null,
    values: Record<string, string>,
  ) => Promise<Outcome<{ id: string }>>;
  remove: (kind: "work" | "achievement" | "ce", id: string) => Promise<Outcome<{ id: string }>>;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState<{ id: string | null; values: Record<string, string> } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Outcome | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState<RecordRow | null>(null);

  const blank = () => Object.fromEntries(props.fields.map((f) => [f.name, props.defaults?.[f.name] ?? ""]));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    setProblem(null);
    setNotice(null);
    const problems = recordProblems(props.kind, editing.values, props.currentYear);
    if (Object.keys(problems).length) {
      setErrors(problems);
      return;
    }
    setErrors({});
    setBusy(true);
    const res = await props.save(props.kind, editing.id, { ...props.defaults, ...editing.values });
    setBusy(false);
    if (!res.ok) {
      setErrors(res.fieldErrors ?? {});
      setProblem(res);
      return;
    }
    setNotice(editing.id ? `${props.noun}已修改。` : `${props.noun}已添加。`);
    setEditing(null);
    router.refresh();
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    setBusy(true);
    const res = await props.remove(props.kind, deleting.id);
    setBusy(false);
    setDeleting(null);
    if (!res.ok) return setProblem(res);
    setNotice(`${props.noun}已删除。`);
    router.refresh();
  };

  return (
    <div className="form">
      {notice ? <Notice>{notice}</Notice> : null}
      <Problem
        error={problem && !problem.ok ? problem.error : null}
        conflict={problem && !problem.ok ? problem.conflict : false}
      />
      {props.rows.length ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                {props.columns.map((c) => (
                  <th key={c}>{c}</th>
                ))}
                <th>操作</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => (
                <tr key={r.id}>
                  {r.cells.map((c, i) => (
                    // A cell's place in the row is its identity (columns are fixed).
                    // biome-ignore lint/suspicious/noArrayIndexKey: see the comment above
                    <td key={i}>{c || "—"}</td>
                  ))}
                  <td className="nowrap">
                    {r.readOnly ? (
                      <span className="ap-muted">{r.readOnly}</span>
                    ) : (
                      <span className="ap-inline">
                        <button
                          type="button"
                          className="btn-link"
                          onClick={() => {
                            setEditing({ id: r.id, values: { ...r.values } });
                            setErrors({});
                            setNotice(null);
                          }}
                        >
                          修改
                        </button>
                        <button type="button" className="btn-link btn-link-danger" onClick={() => setDeleting(r)}>
                          删除
                        </button>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">
          暂无{props.noun}，请点击“添加{props.noun}”。
        </p>
      )}
      {editing ? (
        <form
          className="form card card-flat m-0"
          onSubmit={submit}
          noValidate
          aria-label={`${editing.id ? "修改" : "添加"}${props.noun}`}
        >
          <h3 className="m-0">{editing.id ? `修改${props.noun}` : `添加${props.noun}`}</h3>
          <div className="ap-fields">
            {props.fields.map((f) => {
              const id = `rec-${f.name}`;
              const err = errors[f.name];
              const common = {
                id,
                "aria-invalid": err ? true : undefined,
                value: editing.values[f.name] ?? "",
                onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
                  setEditing((cur) => (cur ? { ...cur, values: { ...cur.values, [f.name]: e.target.value } } : cur)),
              };
              return (
                <div key={f.name} className={`field${f.type === "textarea" ? " wide" : ""}`}>
                  <label htmlFor={id}>
                    {f.label}
                    {f.required ? <span className="req">*</span> : null}
                  </label>
                  {f.type === "select" ? (
                    <select className="select" {...common}>
                      {f.options?.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  ) : f.type === "textarea" ? (
                    <textarea className="textarea" rows={2} {...common} />
                  ) : (
                    <input
                      className="input"
                      type={f.type === "number" ? "text" : f.type}
                      inputMode={f.type === "number" ? "numeric" : undefined}
                      {...common}
                    />
                  )}
                  {f.help ? <span className="help">{f.help}</span> : null}
                  {err ? <span className="error">{err}</span> : null}
                </div>
              );
            })}
          </div>
          <div className="form-actions">
            <button type="submit" className="btn" disabled={busy}>
              {busy ? "正在保存…" : "保存"}
            </button>
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => {
                setEditing(null);
                setErrors({});
              }}
              disabled={busy}
            >
              取消
            </button>
          </div>
        </form>
      ) : (
        <div className="form-actions">
          <button
            type="button"
            className="btn"
            onClick={() => {
              setEditing({ id: null, values: blank() });
              setErrors({});
              setNotice(null);
            }}
          >
            添加{props.noun}
          </button>
        </div>
      )}
      <ConfirmDialog
        open={!!deleting}
        title={`删除${props.noun}`}
        confirmLabel="确定删除"
        danger
        busy={busy}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      >
        <p>确定删除这条{props.noun}吗？删除后不能恢复；已上报的申请表不受影响。</p>
        {deleting ? <p className="ap-muted">{deleting.cells.filter(Boolean).slice(0, 3).join(" · ")}</p> : null}
      </ConfirmDialog>
    </div>
  );
}
