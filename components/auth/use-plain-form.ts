"use client";

import { type FormEvent, useRef, useState } from "react";
import type { Problems } from "./account-checks";
import type { FieldErrorsLike, FieldRegister, FormValues } from "./fields";

/**
 * The little of react-hook-form the login and password pages used — named inputs with defaults, per-field messages,
 * focus on the first problem, a submitting flag — on the browser's own form (issue 12: the library and its zod
 * resolver were most of these pages' JavaScript). Inputs are uncontrolled; values are read from the form on submit.
 */
export function usePlainForm(defaults: FormValues = {}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [messages, setMessages] = useState<Problems>({});
  const [isSubmitting, setSubmitting] = useState(false);

  const errors: FieldErrorsLike = Object.fromEntries(Object.entries(messages).map(([k, message]) => [k, { message }]));
  const clearError = (name: string) =>
    setMessages((m) => (name in m ? Object.fromEntries(Object.entries(m).filter(([k]) => k !== name)) : m));
  const setError = (name: string, message: string) => setMessages((m) => ({ ...m, [name]: message }));
  const register: FieldRegister = (name) => ({ name, defaultValue: defaults[name], onChange: () => clearError(name) });

  /** Sets an input's value (e.g. empties the password after a failed sign-in). */
  const setValue = (name: string, value: string) => {
    const el = formRef.current?.elements.namedItem(name);
    if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) el.value = value;
  };

  const focus = (name: string) => {
    const el = formRef.current?.elements.namedItem(name);
    if (el instanceof HTMLElement) el.focus();
  };

  /** Reads `names` from the form, shows `check`'s problems (focusing the first) or else awaits `submit`. */
  const handleSubmit =
    (names: string[], check: (values: FormValues) => Problems, submit: (values: FormValues) => Promise<unknown>) =>
    async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (isSubmitting) return;
      const data = new FormData(event.currentTarget);
      const values: FormValues = Object.fromEntries(names.map((n) => [n, String(data.get(n) ?? "")]));
      const problems = check(values);
      setMessages(problems);
      const first = names.find((n) => problems[n]);
      if (first) return focus(first);
      setSubmitting(true);
      try {
        await submit(values);
      } finally {
        setSubmitting(false);
      }
    };

  return { formRef, register, errors, setError, clearError, setValue, handleSubmit, isSubmitting };
}
