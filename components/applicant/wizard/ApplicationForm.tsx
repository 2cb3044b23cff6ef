"use client";

import { lazy, Suspense, useEffect, useMemo, useRef, useState } from "react";
import type { EmployerSuggestion } from "@/lib/queries/applicant-employers";
import type { AttachmentSlot, WizardField } from "@/lib/queries/applicant-wizard";
import type { ActionFailure, ActionResult as Outcome } from "@/lib/action-result";
import type { SaveFormInput } from "@/lib/schemas/applications";
import type { Messages } from "@/lib/i18n/catalog";
import { fill } from "@/lib/i18n/fill";
import { Notice, Problem } from "../ui";
import { Attachments } from "./Attachments";
import { formPath, preloadWizardSchema, type Problems, sectionsOf, type WizardForm } from "./form-model";
import { ScalarField } from "./ScalarField";
import { TableField } from "./TableField";
import { useWizardForm } from "./use-wizard-form";

/**
 * 个人数字签名 opens only after a save without problems: its dialog loads in its own chunk (issue 12 item 4), fetched as
 * soon as the form is valid so the click does not wait.
 */
const loadSignDialog = () => import("./SignDialog").then((m) => ({ default: m.SignDialog }));
const SignDialog = lazy(loadSignDialog);

type SaveResult = Outcome<{ version: number; savedValid: boolean; fieldErrors: Record<string, string> }>;
/** What the last save said: the server's verdict on the stored form, shown until the next change. */
type Saved = {
  savedValid: boolean;
  formSaved: boolean;
  outcome: "valid" | "invalid" | null;
  problems: number;
  failure: ActionFailure | null;
};

/** The form's texts in the reader's language (from the page: client components never import next-intl). */
export type FormTexts = Pick<Messages["filing"]["client"], "form" | "table" | "attachments" | "sign">;

/**
 * 申报信息 (G8, G10, I3, I5): the engine's form for the type. Account, employer, registration and qualification values
 * are read-only; the applicant fills the rest and uploads the attachments, then 保存 — the server stores the form even
 * with problems and shows each next to its field. Only after a save without problems does 【个人数字签名】 appear.
 * 保存 checks with the save action's own zod schema first (see form-model.ts); the state is useWizardForm.
 */
export function ApplicationForm(props: {
  applicationId: string;
  version: number;
  savedValid: boolean;
  /** A saved form exists, so it can be printed and stamped (the stamped scan is asked for only then). */
  formSaved: boolean;
  fields: WizardField[];
  readOnly: Record<string, string>;
  values: Record<string, unknown>;
  attachments: AttachmentSlot[];
  scanLimits: string[];
  scanAccept: string;
  opinionText: string;
  fileName: string;
  returnReason: string | null;
  /** Records added since the last save were carried into the form: it must be saved again before signing. */
  carriedOver?: number;
  findEmployers?: (text: string) => Promise<Outcome<{ employers: EmployerSuggestion[] }>>;
  save: (input: SaveFormInput) => Promise<SaveResult>;
  sendCode: (applicationId: string) => Promise<Outcome<{ maskedPhone: string }>>;
  sign: (
    applicationId: string,
    version: number,
    code: string,
  ) => Promise<Outcome<{ statusLabel: string; formPdfFileId: string | null }>>;
  text: FormTexts;
}) {
  const tx = props.text.form;
  const form = useWizardForm(props.fields, {
    applicationId: props.applicationId,
    version: props.version,
    values: props.values as WizardForm["values"],
    files: Object.fromEntries(props.attachments.map((a) => [a.code, a.file])),
  });
  const root = useRef<HTMLDivElement>(null);
  // The schema is not in the page's first load; fetch it now so the first 保存 finds it ready.
  useEffect(preloadWizardSchema, []);
  const [last, setLast] = useState<Saved>({
    savedValid: props.savedValid,
    formSaved: props.formSaved,
    outcome: null,
    problems: 0,
    failure: null,
  });
  // Carried-over records are already in the values, so the form starts unchanged yet still has to be saved.
  const [carried, setCarried] = useState((props.carriedOver ?? 0) > 0);
  const [signing, setSigning] = useState(false);
  const dirty = form.dirty || carried;
  useEffect(() => {
    if (last.savedValid) void loadSignDialog();
  }, [last.savedValid]);
  const values = form.values;

  const sections = useMemo(
    () =>
      sectionsOf(props.fields, {
        personal: tx.sectionPersonal,
        employer: tx.sectionEmployer,
        registration: tx.sectionRegistration,
      }),
    [props.fields, tx],
  );
  const opinion = props.fields.find((f) => f.name === "applicantOpinion");
  const showErrors = (fieldErrors: Record<string, string> | undefined) => {
    const shown: Problems = {};
    for (const [key, message] of Object.entries(fieldErrors ?? {})) shown[formPath(key)] = message;
    form.showProblems(shown);
  };

  const save = form.submit(
    async (input) => {
      setLast((l) => ({ ...l, outcome: null, failure: null }));
      const res = await props.save(input);
      if (!res.ok) {
        setLast((l) => ({ ...l, failure: res }));
        return showErrors(res.fieldErrors);
      }
      // The saved values become the form's baseline (not dirty); the server's problems are then shown field by field.
      form.resetBaseline(res.version);
      setCarried(false);
      showErrors(res.fieldErrors);
      setLast({
        savedValid: res.savedValid,
        formSaved: true,
        outcome: res.savedValid ? "valid" : "invalid",
        problems: Object.keys(res.fieldErrors).length,
        failure: null,
      });
      // No router.refresh(): the result carries everything the form shows after a save; a refresh re-rendered the whole
      // applicant layout and page on the server for every save (issue 12).
      if (!res.savedValid)
        setTimeout(
          () => document.querySelector(".field .error, .ap-table-input .error")?.scrollIntoView({ block: "center" }),
          50,
        );
    },
    // The schema refused the input before sending (too long, unreadable characters): nothing was saved.
    () => setLast((l) => ({ ...l, outcome: null, failure: { ok: false, error: tx.checkInput } })),
    () => root.current,
  );

  const opinionError = form.problems["values.applicantOpinion"];
  const shownAttachments = props.attachments.filter(
    (a) =>
      a.when === "always" ||
      a.when === "overdue" ||
      (a.when === "forced_cancellation" && values.forced === true) ||
      (a.when === "important_info_change" && values.kind === "important") ||
      (a.when === "basic_info_change" && values.kind === "basic"),
  );
  // A change after the save makes its verdict stale.
  const notice = form.dirty ? null : last.outcome;
  return (
    <div className="form" ref={root}>
      {props.returnReason ? (
        <div className="alert alert-warning">{fill(tx.returnReason, { reason: props.returnReason })}</div>
      ) : null}
      {props.carriedOver ? (
        <div className="alert alert-info" role="status">
          {fill(tx.carriedOver, { n: props.carriedOver })}
        </div>
      ) : null}
      {sections.map((sec) => (
        <section key={sec.title} className="ap-form-section">
          <h3>{sec.title}</h3>
          {sec.key === "personal" ? <p className="ap-muted ap-pull-up">{tx.personalHint}</p> : null}
          {sec.fields.length === 1 && sec.fields[0]!.kind === "table" ? (
            <TableField f={sec.fields[0]!} form={form} text={props.text.table} />
          ) : (
            <div className="ap-fields">
              {sec.fields.map((f) => (
                <ScalarField
                  key={f.name}
                  f={f}
                  form={form}
                  readOnly={props.readOnly}
                  findEmployers={props.findEmployers}
                  text={tx}
                />
              ))}
            </div>
          )}
        </section>
      ))}
      {shownAttachments.length ? (
        <Attachments
          applicationId={props.applicationId}
          slots={shownAttachments}
          scanLimits={props.scanLimits}
          scanAccept={props.scanAccept}
          formSaved={last.formSaved}
          form={form}
          text={props.text.attachments}
        />
      ) : null}
      {opinion ? (
        <section className="ap-form-section" data-field="applicantOpinion">
          <h3>
            {tx.opinion}
            <span className="req">*</span>
          </h3>
          <p className="ap-muted mt-0">{tx.opinionHint}</p>
          <label className="ap-check">
            <input
              type="checkbox"
              name="values.applicantOpinion"
              checked={values.applicantOpinion === true}
              onChange={(e) => form.setValue("applicantOpinion", e.target.checked)}
              aria-invalid={opinionError ? true : undefined}
            />
            <span>{props.opinionText}</span>
          </label>
          {opinionError ? <span className="error">{opinionError}</span> : null}
        </section>
      ) : null}

      <Problem error={last.failure?.error ?? null} conflict={last.failure?.conflict ?? false} />
      {notice === "invalid" ? (
        <div className="alert alert-warning" role="status">
          {fill(tx.invalid, { n: last.problems })}
        </div>
      ) : null}
      {notice === "valid" ? <Notice>{tx.valid}</Notice> : null}
      <div className="ap-sticky-actions">
        <button type="button" className="btn" onClick={save} disabled={form.submitting}>
          {form.submitting ? tx.saving : tx.save}
        </button>
        {last.savedValid && !dirty ? (
          <button type="button" className="btn ap-btn-sign" onClick={() => setSigning(true)}>
            {tx.sign}
          </button>
        ) : (
          <span className="ap-muted">{dirty ? tx.unsaved : tx.signLater}</span>
        )}
      </div>
      {signing ? (
        <Suspense fallback={null}>
          <SignDialog
            applicationId={props.applicationId}
            version={form.version()}
            fileName={props.fileName}
            onClose={() => setSigning(false)}
            sendCode={props.sendCode}
            sign={props.sign}
            text={props.text.sign}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
