"use client";

import { useActionState } from "react";
import { saveFaqAction } from "@/app/admin/site-actions";
import { FormError } from "@/components/review/FormError";
import { submitWithoutReset } from "@/components/review/submit-without-reset";
import { SubmitButton } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";

type Entry = { id: string; version: number; category: string; question: string; answer: string; position: number };

/** 新增 / 修改常见问题. */
export function FaqForm({ entry, categories }: { entry?: Entry; categories: string[] }) {
  const [state, submit, pending] = useActionState(saveFaqAction, null);
  const fe = state?.fieldErrors ?? {};
  // Several forms share the page (one per entry), so ids carry the entry's id.
  const p = entry ? `faq-${entry.id}` : "faq-new";
  return (
    <form
      className="form"
      noValidate
      onSubmit={submitWithoutReset(submit)}
      aria-label={entry ? `修改常见问题：${entry.question}` : "新增常见问题"}
    >
      <FormError state={state} />
      {entry ? (
        <>
          <input type="hidden" name="id" value={entry.id} />
          <input type="hidden" name="version" value={entry.version} />
        </>
      ) : null}
      <Field
        name="category"
        id={`${p}-category`}
        label="分类"
        required
        error={fe.category}
        inputProps={{ maxLength: 40, list: "faq-categories", defaultValue: entry?.category }}
      />
      <datalist id="faq-categories">
        {categories.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <Field
        name="question"
        id={`${p}-question`}
        label="问题"
        required
        error={fe.question}
        inputProps={{ maxLength: 300, defaultValue: entry?.question }}
      />
      <Field name="answer" id={`${p}-answer`} label="解答" required error={fe.answer}>
        {(c) => <textarea {...c} className="textarea" rows={4} maxLength={5000} defaultValue={entry?.answer} />}
      </Field>
      <Field
        name="position"
        id={`${p}-position`}
        label="排序（小的在前）"
        width="xs"
        error={fe.position}
        inputProps={{ inputMode: "numeric", defaultValue: entry?.position ?? 0 }}
      />
      <SubmitButton pending={pending}>{entry ? "保存修改" : "新增"}</SubmitButton>
    </form>
  );
}
