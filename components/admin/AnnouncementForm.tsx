"use client";

import { useActionState, useState } from "react";
import { editAnnouncementAction, publishAnnouncementAction } from "@/app/admin/site-actions";
import { FormError } from "@/components/review/FormError";
import { submitWithoutReset } from "@/components/review/submit-without-reset";

type Existing = { id: string; version: number; title: string; body: string; attachments: { fileId: string; name: string | null; size: string }[] };

/** Stays under the server's request limit (next.config serverActions.bodySizeLimit). */
const MAX_REQUEST_BYTES = 20 * 1024 * 1024;

/** 发布 / 修改通知公告 with attachments. What was typed survives a refused save. */
export function AnnouncementForm({ existing }: { existing?: Existing }) {
  const [state, submit, pending] = useActionState(existing ? editAnnouncementAction : publishAnnouncementAction, null);
  const [tooBig, setTooBig] = useState<string | null>(null);
  const fe = state?.fieldErrors ?? {};
  return (
    <form
      className="form"
      noValidate
      aria-label={existing ? "修改通知公告" : "发布通知公告"}
      onSubmit={(e) => {
        const input = e.currentTarget.elements.namedItem("attachments") as HTMLInputElement | null;
        const total = [...(input?.files ?? [])].reduce((n, f) => n + f.size, 0);
        if (total > MAX_REQUEST_BYTES) {
          e.preventDefault();
          setTooBig("本次选择的附件合计超过20MB，请分次添加（先保存，再在修改页面继续添加）。");
          return;
        }
        setTooBig(null);
        submitWithoutReset(submit)(e);
      }}
    >
      <FormError state={tooBig ? { ok: false, error: tooBig } : state} />
      {existing ? (
        <>
          <input type="hidden" name="id" value={existing.id} />
          <input type="hidden" name="version" value={existing.version} />
        </>
      ) : null}
      <div className="field">
        <label htmlFor="title">
          标题<span className="req">*</span>
        </label>
        <input id="title" name="title" className="input" maxLength={200} defaultValue={existing?.title} aria-invalid={fe.title ? true : undefined} aria-describedby={fe.title ? "title-error" : undefined} />
        {fe.title ? <span id="title-error" className="field-error">{fe.title}</span> : null}
      </div>
      <div className="field">
        <label htmlFor="body">
          正文<span className="req">*</span>
        </label>
        <textarea id="body" name="body" className="textarea" rows={12} maxLength={20000} defaultValue={existing?.body} aria-invalid={fe.body ? true : undefined} aria-describedby={fe.body ? "body-error" : undefined} />
        {fe.body ? <span id="body-error" className="field-error">{fe.body}</span> : null}
      </div>
      {existing?.attachments.length ? (
        <fieldset className="field">
          <legend className="label">已有附件（勾选的将被删除）</legend>
          {existing.attachments.map((a) => (
            <label key={a.fileId} className="checkbox">
              <input type="checkbox" name="removeFileIds" value={a.fileId} /> 删除 {a.name}（{a.size}）
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="field">
        <label htmlFor="attachments">{existing ? "添加附件" : "附件"}</label>
        <input id="attachments" name="attachments" type="file" multiple className="input" accept=".pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png" aria-describedby="attachments-help" />
        <span id="attachments-help" className="help">
          PDF、Word、Excel、JPG、PNG，每个不超过10MB，每条公告最多5个。
        </span>
        {fe.attachments ? <span className="field-error">{fe.attachments}</span> : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn" disabled={pending}>
          {pending ? "正在保存…" : existing ? "保存修改" : "发布"}
        </button>
      </div>
    </form>
  );
}
