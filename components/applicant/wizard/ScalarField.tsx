"use client";

import { lazy, Suspense } from "react";
import type { EmployerSuggestion } from "@/lib/queries/applicant-employers";
import type { WizardField } from "@/lib/queries/applicant-wizard";
import type { ActionResult as Outcome } from "@/lib/action-result";
import type { Messages } from "@/lib/i18n/catalog";
import { fill } from "@/lib/i18n/fill";
import { str } from "./form-model";
import type { WizardFormState } from "./use-wizard-form";

type FindEmployers = (text: string) => Promise<Outcome<{ employers: EmployerSuggestion[] }>>;
const noEmployers: FindEmployers = async () => ({ ok: true, employers: [] });
/** Only 变更注册 picks an employer in the form: the picker loads in its own chunk (issue 12 item 4). */
const EmployerPicker = lazy(() => import("../EmployerPicker").then((m) => ({ default: m.EmployerPicker })));

/** One field of 申报信息 that is not a table: read-only (account, employer, registration values) or filled in. */
export function ScalarField({
  f,
  form,
  readOnly: known,
  findEmployers,
  text: tx,
}: {
  f: WizardField;
  form: WizardFormState;
  readOnly: Record<string, string>;
  findEmployers?: FindEmployers;
  text: Messages["filing"]["client"]["form"];
}) {
  const path = `values.${f.name}`;
  const id = `f-${f.name}`;
  const value = form.values[f.name];
  const err = form.problems[path];
  const invalid = err ? true : undefined;
  const error = err ? <span className="error">{err}</span> : null;
  if (f.kind === "employer") {
    // C2: the new employer is picked here (验证企业名称), not in the profile; the old one is shown for comparison.
    const previous = known.previousEmployerName;
    return (
      <div className="field wide" data-field={f.name}>
        <Suspense fallback={null}>
          <EmployerPicker
            current={previous ? { name: previous, uscc: known.previousEmployerUscc ?? "", kindLabel: "—" } : null}
            currentLabel={tx.previousEmployer}
            inputLabel={fill(tx.employerInput, { label: f.label })}
            blockedBy={null}
            find={findEmployers ?? noEmployers}
            onPick={(e) => form.pick(f.name, e.id)}
          />
        </Suspense>
        {value && known.employerName ? (
          <span className="help" data-testid="saved-new-employer">
            {fill(tx.savedEmployer, { name: known.employerName, uscc: known.employerUscc ?? "" })}
          </span>
        ) : null}
        {error}
      </div>
    );
  }
  if (f.kind === "boolean" && f.name === "applicantOpinion") return null;
  const readOnly = f.source !== "input" || f.name === "specialty";
  const required = f.required || !!f.when;
  // What a text input, select or textarea shows and how a change reaches the form.
  const text = {
    name: path,
    value: str(value),
    onChange: (e: { target: { value: string } }) => form.setValue(f.name, e.target.value),
  };
  const derived = f.deriveFrom ? f.deriveFrom.values[str(form.values[f.deriveFrom.field])] : undefined;
  return (
    <div className={`field${f.kind === "textarea" ? " wide" : ""}`} data-field={f.name}>
      {f.kind === "boolean" ? (
        <label className="ap-check" htmlFor={id}>
          <input
            id={id}
            type="checkbox"
            name={path}
            checked={value === true}
            onChange={(e) => form.setValue(f.name, e.target.checked)}
            aria-invalid={invalid}
          />
          {f.label}
        </label>
      ) : (
        <label htmlFor={id}>
          {f.label}
          {required ? <span className="req">*</span> : null}
        </label>
      )}
      {readOnly ? (
        <input id={id} className="input" readOnly value={(f.deriveFrom ? derived : known[f.name]) ?? ""} />
      ) : f.kind === "select" ? (
        <select id={id} className="select" {...text} aria-invalid={invalid}>
          <option value="">{tx.choose}</option>
          {f.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : f.kind === "textarea" ? (
        <textarea id={id} className="textarea" rows={3} {...text} aria-invalid={invalid} />
      ) : f.kind === "boolean" ? null : (
        <input id={id} className="input" type={f.kind === "date" ? "date" : "text"} {...text} aria-invalid={invalid} />
      )}
      {error}
    </div>
  );
}
