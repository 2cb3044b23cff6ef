"use client";

import type { AttachmentSlot } from "@/lib/queries/applicant-wizard";
import { STAMPED_FORM } from "@/lib/domain/stamped-form";
import type { Messages } from "@/lib/i18n/catalog";
import { fill } from "@/lib/i18n/fill";
import { kb, UploadButton } from "../ui";
import type { WizardFormState } from "./use-wizard-form";

/** 申报材料（扫描件）: one row per attachment the type asks for; an upload is kept only when the form is saved. */
export function Attachments(props: {
  applicationId: string;
  slots: AttachmentSlot[];
  scanLimits: string[];
  scanAccept: string;
  formSaved: boolean;
  form: WizardFormState;
  text: Messages["filing"]["client"]["attachments"];
}) {
  const tx = props.text;
  const { files, problems } = props.form;
  const mark = (a: AttachmentSlot) => (
    <div>
      {a.label}
      {a.required ? <span className="req">*</span> : <span className="ap-muted">{tx.optional}</span>}
    </div>
  );
  return (
    <section className="ap-form-section">
      <h3>{tx.heading}</h3>
      <p className="ap-muted mt-0">{fill(tx.hint, { limits: props.scanLimits.join(tx.limitSep) })}</p>
      <div className="ap-attachments">
        {props.slots.map((a) => {
          const f = files[a.code];
          const err = problems[`files.${a.code}`];
          // `000` §三.1(7): save, print the form, stamp it, upload the scan, save again — nothing to stamp before.
          if (a.code === STAMPED_FORM && !props.formSaved && !f)
            return (
              <div key={a.code} className="ap-attachment" data-attachment={a.code}>
                {mark(a)}
                <span className="ap-muted" data-testid="stamped-form-later">
                  {tx.stampedLater}
                </span>
              </div>
            );
          return (
            <div key={a.code} className="ap-attachment" data-attachment={a.code}>
              {mark(a)}
              <div className="field ap-field-tight">
                <div className="ap-inline">
                  {a.code === STAMPED_FORM ? (
                    <a
                      href={`/applicant/applications/${props.applicationId}/preview`}
                      target="_blank"
                      rel="noopener"
                      data-testid="print-form"
                    >
                      {tx.print}
                    </a>
                  ) : null}
                  {f ? (
                    <a href={`/files/${f.id}`} target="_blank" rel="noopener">
                      {f.name ?? tx.uploaded}（{kb(f.byteSize)}）
                    </a>
                  ) : (
                    <span className="ap-muted">{tx.notUploaded}</span>
                  )}
                  <UploadButton
                    kind="scan"
                    id={`upload-${a.code}`}
                    label={f ? tx.reupload : fill(tx.upload, { label: a.label })}
                    busyLabel={tx.uploading}
                    accept={props.scanAccept}
                    applicationId={props.applicationId}
                    purpose={a.code}
                    onUploaded={(u) =>
                      props.form.setFile(a.code, { id: u.fileId, name: u.fileName, byteSize: u.byteSize })
                    }
                  />
                </div>
                {err ? <span className="error">{err}</span> : null}
              </div>
            </div>
          );
        })}
      </div>
    </section>
  );
}
