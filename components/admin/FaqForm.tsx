"use client";

import { useActionState } from "react";
import { saveFaqAction } from "@/app/admin/site-actions";
import { FormError } from "@/components/review/FormError";
import { submitWithoutReset } from "@/components/review/submit-without-reset";

type Entry = { id: string; version: number; category: string; question: string; answer: string; position: number };

/** 新增 / 修改常见问题. */
export function FaqForm({ entry, categories }: { entry?: Entry; categories: string[] }) {
  const [state, submit, pending] = useActionState(saveFaqAction, null);
  const fe = state?.fieldErrors ?? {};
  const p = entry ? `faq-${entry.id}` : "faq-new";
  return (
    <form className="form" noValidate onSubmit={submitWithoutReset(submit)} aria-label={entry ? `修改常见问题：${entry.question}` : "新增常见问题"}>
      <FormError state={state} />
      {entry ? (
        <>
          <input type="hidden" name="id" value={entry.id} />
          <input type="hidden" name="version" value={entry.version} />
        </>
      ) : null}
      <div className="field">
        <label htmlFor={`${p}-category`}>
          分类<span className="req">*</span>
        </label>
        <input id={`${p}-category`} name="category" className="input" maxLength={40} list="faq-categories" defaultValue={entry?.category} aria-invalid={fe.category ? true : undefined} />
        <datalist id="faq-categories">
          {categories.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        {fe.category ? <span className="field-error">{fe.category}</span> : null}
      </div>
      <div className="field">
        <label htmlFor={`${p}-question`}>
          问题<span className="req">*</span>
        </label>
        <input id={`${p}-question`} name="question" className="input" maxLength={300} defaultValue={entry?.question} aria-invalid={fe.question ? true : undefined} />
        {fe.question ? <span className="field-error">{fe.question}</span> : null}
      </div>
      <div className="field">
        <label htmlFor={`${p}-answer`}>
          解答<span className="req">*</span>
        </label>
        <textarea id={`${p}-answer`} name="answer" className="textarea" rows={4} maxLength={5000} defaultValue={entry?.answer} aria-invalid={fe.answer ? true : undefined} />
        {fe.answer ? <span className="field-error">{fe.answer}</span> : null}
      </div>
      <div className="field" style={{ maxWidth: 160 }}>
        <label htmlFor={`${p}-position`}>排序（小的在前）</label>
        <input id={`${p}-position`} name="position" className="input" inputMode="numeric" defaultValue={entry?.position ?? 0} aria-invalid={fe.position ? true : undefined} />
        {fe.position ? <span className="field-error">{fe.position}</span> : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn" disabled={pending}>
          {pending ? "正在保存…" : entry ? "保存修改" : "新增"}
        </button>
      </div>
    </form>
  );
}
