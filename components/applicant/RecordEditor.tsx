"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult as Outcome } from "@/lib/action-result";
import { type RecordCheckMessages, recordProblems } from "./record-checks";
import { Notice, Problem } from "./ui";
import { ConfirmDialog } from "./ConfirmDialog";

export type RecordField = {
  name: string;
  label: string;
  type: "text" | "date" | "number" | "select" | "textarea";
  required?: boolean;
  options?: { value: string; label: string }[];
  help?: string;
};
export type RecordRow = { id: string; cells: string[]; values: Record<string, string>; readOnly?: string };
/** What the editor says, in the reader's language, already naming the record (e.g. 工作经历已添加。). */
export type RecordEditorTexts = {
  actions: string;
  edit: string;
  delete: string;
  save: string;
  saving: string;
  cancel: string;
  working: string;
  refresh: string;
  confirmDelete: string;
  added: string;
  updated: string;
  deleted: string;
  empty: string;
  add: string;
  editTitle: string;
  deleteTitle: string;
  deleteQuestion: string;
};

/**
 * 添加 / 修改 / 删除 of 工作经历, 工作业绩, 继续教育: a table of the person's rows, an inline form checked in the browser
 * with the same messages as the service's zod schema (record-checks.ts; no zod shipped, issue 12), and a
 * confirmation before deleting. Every text comes as props from the server page (ADR 0010: no next-intl here).
 */
export function RecordEditor(props: {
  kind: "work" | "achievement" | "ce";
  texts: RecordEditorTexts;
  checks: RecordCheckMessages;
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

  const t = props.texts;
  const labels = Object.fromEntries(props.fields.map((f) => [f.name, f.label]));
  const blank = () => Object.fromEntries(props.fields.map((f) => [f.name, props.defaults?.[f.name] ?? ""]));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    setProblem(null);
    setNotice(null);
    const problems = recordProblems(props.kind, editing.values, props.currentYear, props.checks, labels);
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
    setNotice(editing.id ? t.updated : t.added);
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
    setNotice(t.deleted);
    router.refresh();
  };

  return (
    <div className="form">
      {notice ? <Notice>{notice}</Notice> : null}
      <Problem
        error={problem && !problem.ok ? problem.error : null}
        conflict={problem && !problem.ok ? problem.conflict : false}
        refreshLabel={t.refresh}
      />
      {props.rows.length ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                {props.columns.map((c) => (
                  <th key={c}>{c}</th>
                ))}
                <th>{t.actions}</th>
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
                          {t.edit}
                        </button>
                        <button type="button" className="btn-link btn-link-danger" onClick={() => setDeleting(r)}>
                          {t.delete}
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
        <p className="empty">{t.empty}</p>
      )}
      {editing ? (
        <form
          className="form card card-flat m-0"
          onSubmit={submit}
          noValidate
          aria-label={editing.id ? t.editTitle : t.add}
        >
          <h3 className="m-0">{editing.id ? t.editTitle : t.add}</h3>
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
              {busy ? t.saving : t.save}
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
              {t.cancel}
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
            {t.add}
          </button>
        </div>
      )}
      <ConfirmDialog
        open={!!deleting}
        title={t.deleteTitle}
        confirmLabel={t.confirmDelete}
        cancelLabel={t.cancel}
        busyLabel={t.working}
        danger
        busy={busy}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      >
        <p>{t.deleteQuestion}</p>
        {deleting ? <p className="ap-muted">{deleting.cells.filter(Boolean).slice(0, 3).join(" · ")}</p> : null}
      </ConfirmDialog>
    </div>
  );
}
