"use client";

import { useRef, useState } from "react";
import type { WizardField } from "@/lib/queries/applicant-wizard";
import type { SaveFormInput } from "@/lib/schemas/applications";
import {
  checkWizardForm,
  type FileMeta,
  type Problems,
  type Row,
  sameForm,
  type WizardForm,
  withoutRow,
} from "./form-model";

type Shown = Pick<WizardForm, "values" | "files">;

/**
 * The wizard's form state (issue 12 item 4: react-hook-form was 13.5 KB gzipped of this page's first load): the values
 * and uploads as shown, the last save as the baseline for "dirty", one message per form path, a submitting flag.
 * Inputs are controlled. After the first 保存, a change re-checks its own path with the save schema — a fixed input
 * loses its message, the server's included — as react-hook-form's re-validation on change did.
 */
export function useWizardForm(fields: WizardField[], initial: WizardForm) {
  const [shown, setShown] = useState<Shown>({ values: initial.values, files: initial.files });
  const [baseline, setBaseline] = useState<Shown>(shown);
  const [problems, setProblems] = useState<Problems>({});
  const [submitting, setSubmitting] = useState(false);
  // Read by async work (a save, a re-check) that must see the form as it is now, not as it was rendered.
  const latest = useRef(shown);
  const version = useRef(initial.version);
  const submitted = useRef(false);
  // React keys of each table's rows, so removing a row keeps the inputs below it.
  const keys = useRef<Record<string, number[]>>({});
  const nextKey = useRef(0);

  const form = (): WizardForm => ({
    applicationId: initial.applicationId,
    version: version.current,
    ...latest.current,
  });
  const put = (path: string, message: string | undefined) =>
    setProblems((p) => {
      if (p[path] === message) return p;
      const { [path]: _gone, ...rest } = p;
      return message === undefined ? rest : { ...rest, [path]: message };
    });
  const recheck = (path: string) => {
    if (submitted.current) void checkWizardForm(fields, form()).then((r) => put(path, r.problems[path]));
  };
  const update = (change: (s: Shown) => Shown, recheckPath?: string) => {
    latest.current = change(latest.current);
    setShown(latest.current);
    if (recheckPath) recheck(recheckPath);
  };
  const setValues = (values: WizardForm["values"], recheckPath?: string) =>
    update((s) => ({ ...s, values: { ...s.values, ...values } }), recheckPath);
  const rowsOf = (table: string): Row[] => {
    const v = latest.current.values[table];
    return Array.isArray(v) ? v : [];
  };
  const rowKeys = (table: string, count: number) => {
    keys.current[table] ??= [];
    const k = keys.current[table];
    while (k.length < count) k.push(nextKey.current++);
    return k.slice(0, count);
  };

  return {
    values: shown.values,
    files: shown.files,
    problems,
    submitting,
    dirty: !sameForm(shown, baseline),
    version: () => version.current,
    /** An input's change: re-checked after the first 保存. */
    setValue: (name: string, value: WizardForm["values"][string]) => setValues({ [name]: value }, `values.${name}`),
    /** A value set by the page (the employer picked), not typed: changes the form without a re-check. */
    pick: (name: string, value: string) => setValues({ [name]: value }),
    setFile: (code: string, file: FileMeta) => update((s) => ({ ...s, files: { ...s.files, [code]: file } })),
    rowKeys,
    setCell: (table: string, index: number, column: string, value: string) =>
      setValues(
        { [table]: rowsOf(table).map((r, i) => (i === index ? { ...r, [column]: value } : r)) },
        `values.${table}.${index}.${column}`,
      ),
    appendRow: (table: string, row: Row) => {
      rowKeys(table, rowsOf(table).length);
      setValues({ [table]: [...rowsOf(table), row] }, `values.${table}`);
    },
    removeRow: (table: string, index: number) => {
      keys.current[table] = rowKeys(table, rowsOf(table).length).filter((_, i) => i !== index);
      setProblems((p) => withoutRow(p, table, index));
      setValues({ [table]: rowsOf(table).filter((_, i) => i !== index) }, `values.${table}`);
    },
    /** Messages from the server's answer (its field keys already turned into form paths). */
    showProblems: (more: Problems) => setProblems((p) => ({ ...p, ...more })),
    /** After a save: what is shown now is what is stored, at the version the server returned. */
    resetBaseline: (savedVersion: number) => {
      version.current = savedVersion;
      setBaseline(latest.current);
    },
    /**
     * 保存: checks the input with the save schema; problems replace the shown ones and focus the first input that
     * has one (`onInvalid` says nothing was saved), otherwise `onValid` sends exactly the input that was checked.
     */
    submit:
      (onValid: (input: SaveFormInput) => Promise<void>, onInvalid: () => void, root: () => HTMLElement | null) =>
      async () => {
        submitted.current = true;
        setSubmitting(true);
        try {
          const { input, problems: found } = await checkWizardForm(fields, form());
          setProblems(found);
          if (Object.keys(found).length === 0) return await onValid(input);
          onInvalid();
          const inputs = root()?.querySelectorAll<HTMLElement>("[name]") ?? [];
          [...inputs].find((el) => el.getAttribute("name")! in found)?.focus();
        } finally {
          setSubmitting(false);
        }
      },
  };
}

export type WizardFormState = ReturnType<typeof useWizardForm>;
