"use client";

import { useActionState, useState } from "react";
import { editAnnouncementAction, publishAnnouncementAction } from "@/app/admin/site-actions";
import { FormError } from "@/components/review/FormError";
import { submitWithoutReset } from "@/components/review/submit-without-reset";
import { SubmitButton } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";

type Existing = {
  id: string;
  version: number;
  title: string;
  body: string;
  attachments: { fileId: string; name: string | null; size: string }[];
};

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
      <Field
        name="title"
        label="标题"
        required
        error={fe.title}
        inputProps={{ maxLength: 200, defaultValue: existing?.title }}
      />
      <Field name="body" label="正文" required error={fe.body}>
        {(c) => <textarea {...c} className="textarea" rows={12} maxLength={20000} defaultValue={existing?.body} />}
      </Field>
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
      <Field
        name="attachments"
        label={existing ? "添加附件" : "附件"}
        help="PDF、Word、Excel、JPG、PNG，每个不超过10MB，每条公告最多5个。"
        error={fe.attachments}
        inputProps={{ type: "file", multiple: true, accept: ".pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png" }}
      />
      <SubmitButton pending={pending}>{existing ? "保存修改" : "发布"}</SubmitButton>
    </form>
  );
}
