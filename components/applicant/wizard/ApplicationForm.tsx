"use client";

import { useMemo, useState } from "react";
import type { EmployerSuggestion } from "@/lib/queries/applicant-employers";
import type { AttachmentSlot, WizardField } from "@/lib/queries/applicant-wizard";
import { STAMPED_FORM } from "@/lib/domain/form-specs";
import { EmployerPicker } from "../EmployerPicker";
import type { ActionResult as Outcome } from "@/lib/action-result";
import type { SaveFormInput } from "@/lib/schemas/applications";
import { kb, Notice, Problem, UploadButton } from "../ui";
import { SignDialog } from "./SignDialog";

type Row = Record<string, unknown>;
type SaveResult = Outcome<{ version: number; savedValid: boolean; fieldErrors: Record<string, string> }>;

const SECTIONS: { title: string; match: (f: WizardField) => boolean }[] = [
  { title: "个人基本信息", match: (f) => f.source === "account" },
  { title: "企业基本信息", match: (f) => f.kind === "employer" || f.source === "employer" || f.name === "employerPhone" || (f.source === "registration" && f.name === "employerName") },
  { title: "注册基本信息", match: (f) => f.kind !== "table" && f.name !== "applicantOpinion" },
];

const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));

/** Numbers typed in table cells are sent as numbers; anything else stays text so the server can say what is wrong. */
function toPayload(fields: WizardField[], values: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.source !== "input" || f.name === "specialty") continue;
    const v = values[f.name];
    if (f.kind === "table") {
      out[f.name] = ((v as Row[] | undefined) ?? []).map((r) =>
        Object.fromEntries(
          (f.columns ?? []).map((c) => {
            const cell = str(r[c.name]).trim();
            return [c.name, c.kind === "number" && /^\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell];
          }),
        ),
      );
    } else if (f.kind === "boolean") out[f.name] = v === true;
    else out[f.name] = str(v);
  }
  // Cells are strings, numbers and booleans by construction; the server's schema checks them again.
  return out as SaveFormInput["values"];
}

/**
 * 申报信息 (G8, G10, I3, I5): the engine's form for the type. Account, employer, registration and qualification values
 * are read-only; the applicant fills the rest and uploads the attachments, then 保存 — the server stores the form even
 * with problems and shows each next to its field. Only after a save without problems does 【个人数字签名】 appear.
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
  sign: (applicationId: string, version: number, code: string) => Promise<Outcome<{ statusLabel: string; formPdfFileId: string | null }>>;
}) {
  const [values, setValues] = useState<Record<string, unknown>>(props.values);
  const [files, setFiles] = useState<Record<string, AttachmentSlot["file"]>>(Object.fromEntries(props.attachments.map((a) => [a.code, a.file])));
  const [version, setVersion] = useState(props.version);
  const [savedValid, setSavedValid] = useState(props.savedValid);
  const [formSaved, setFormSaved] = useState(props.formSaved);
  const [dirty, setDirty] = useState((props.carriedOver ?? 0) > 0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<Outcome | null>(null);
  const [saved, setSaved] = useState<"valid" | "invalid" | null>(null);
  const [signing, setSigning] = useState(false);

  const set = (name: string, v: unknown) => {
    setValues((cur) => ({ ...cur, [name]: v }));
    setDirty(true);
    setSaved(null);
  };
  const setCell = (table: string, i: number, col: string, v: unknown) => {
    const rows = [...(((values[table] as Row[]) ?? []) as Row[])];
    rows[i] = { ...rows[i], [col]: v };
    set(table, rows);
  };

  const sections = useMemo(() => {
    const used = new Set<string>();
    const out: { title: string; fields: WizardField[] }[] = [];
    for (const sec of SECTIONS) {
      const fs = props.fields.filter((f) => !used.has(f.name) && sec.match(f));
      for (const f of fs) used.add(f.name);
      if (fs.length) out.push({ title: sec.title, fields: fs });
    }
    for (const f of props.fields) {
      if (f.kind !== "table") continue;
      used.add(f.name);
      out.push({ title: f.label, fields: [f] });
    }
    return out;
  }, [props.fields]);
  const opinion = props.fields.find((f) => f.name === "applicantOpinion");

  const save = async () => {
    setSaving(true);
    setProblem(null);
    setSaved(null);
    const attachments = Object.fromEntries(Object.entries(files).flatMap(([code, f]) => (f ? [[code, f.id]] : [])));
    const res = await props.save({ applicationId: props.applicationId, version, values: toPayload(props.fields, values), attachments });
    setSaving(false);
    if (!res.ok) return setProblem(res);
    setFormSaved(true);
    setVersion(res.version);
    setSavedValid(res.savedValid);
    setErrors(res.fieldErrors);
    setDirty(false);
    setSaved(res.savedValid ? "valid" : "invalid");
    // No router.refresh(): the result carries everything the form shows after a save; a refresh re-rendered the whole
    // applicant layout and page on the server for every save (issue 12).
    if (!res.savedValid) setTimeout(() => document.querySelector(".field .error, .ap-table-input .error")?.scrollIntoView({ block: "center" }), 50);
  };

  const fieldError = (name: string) => errors[name];

  const renderScalar = (f: WizardField) => {
    const id = `f-${f.name}`;
    const err = fieldError(f.name);
    if (f.kind === "employer") {
      // C2: the new employer is picked here (验证企业名称), not in the profile; the old one is shown for comparison.
      const previous = props.readOnly.previousEmployerName;
      return (
        <div key={f.name} className="field wide" data-field={f.name}>
          <EmployerPicker
            current={previous ? { name: previous, uscc: props.readOnly.previousEmployerUscc ?? "", kindLabel: "—" } : null}
            currentLabel="原聘用单位"
            inputLabel={`${f.label}（填写全称或部分名称）`}
            blockedBy={null}
            find={props.findEmployers ?? (async () => ({ ok: true, employers: [] }))}
            onPick={(e) => set(f.name, e.id)}
          />
          {values[f.name] && props.readOnly.employerName ? (
            <span className="help" data-testid="saved-new-employer">
              已保存的新聘用单位：{props.readOnly.employerName}（{props.readOnly.employerUscc}）
            </span>
          ) : null}
          {err ? <span className="error">{err}</span> : null}
        </div>
      );
    }
    const readOnly = f.source !== "input" || f.name === "specialty";
    const required = f.required || !!f.when;
    if (f.kind === "boolean" && f.name === "applicantOpinion") return null;
    return (
      <div key={f.name} className={`field${f.kind === "textarea" ? " wide" : ""}`} data-field={f.name}>
        {f.kind === "boolean" ? (
          <label className="ap-check" htmlFor={id}>
            <input id={id} type="checkbox" checked={values[f.name] === true} onChange={(e) => set(f.name, e.target.checked)} aria-invalid={err ? true : undefined} />
            {f.label}
          </label>
        ) : (
          <label htmlFor={id}>
            {f.label}
            {required ? <span className="req">*</span> : null}
          </label>
        )}
        {readOnly ? (
          <input id={id} className="input" readOnly value={(f.deriveFrom ? f.deriveFrom.values[str(values[f.deriveFrom.field])] : props.readOnly[f.name]) ?? ""} />
        ) : f.kind === "select" ? (
          <select id={id} className="select" value={str(values[f.name])} onChange={(e) => set(f.name, e.target.value)} aria-invalid={err ? true : undefined}>
            <option value="">请选择</option>
            {f.options?.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        ) : f.kind === "textarea" ? (
          <textarea id={id} className="textarea" rows={3} value={str(values[f.name])} onChange={(e) => set(f.name, e.target.value)} aria-invalid={err ? true : undefined} />
        ) : f.kind === "boolean" ? null : (
          <input
            id={id}
            className="input"
            type={f.kind === "date" ? "date" : "text"}
            value={str(values[f.name])}
            onChange={(e) => set(f.name, e.target.value)}
            aria-invalid={err ? true : undefined}
          />
        )}
        {err ? <span className="error">{err}</span> : null}
      </div>
    );
  };

  const renderTable = (f: WizardField) => {
    const rows = ((values[f.name] as Row[] | undefined) ?? []) as Row[];
    const cols = f.columns ?? [];
    return (
      <div className="field" data-field={f.name}>
        <div className="table-wrap">
          <table className="table ap-table-input" aria-label={f.label}>
            <thead>
              <tr>
                <th className="ap-col-index">序号</th>
                {cols.map((c) => (
                  <th key={c.name}>
                    {c.label}
                    {c.required ? <span className="req">*</span> : null}
                  </th>
                ))}
                <th>操作</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until saved; inputs are controlled, so a row's values follow its position.
                <tr key={i}>
                  <td>{i + 1}</td>
                  {cols.map((c) => {
                    const key = `${f.name}[${i}].${c.name}`;
                    const err = errors[key];
                    return (
                      <td key={c.name}>
                        <input
                          className="input"
                          aria-label={`第${i + 1}行${c.label}`}
                          type={c.kind === "date" ? "date" : "text"}
                          inputMode={c.kind === "number" ? "numeric" : undefined}
                          value={str(r[c.name])}
                          onChange={(e) => setCell(f.name, i, c.name, e.target.value)}
                          aria-invalid={err ? true : undefined}
                        />
                        {err ? <span className="error">{err}</span> : null}
                      </td>
                    );
                  })}
                  <td>
                    <button type="button" className="btn-link btn-link-danger" onClick={() => set(f.name, rows.filter((_, j) => j !== i))}>
                      删除
                    </button>
                  </td>
                </tr>
              ))}
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={cols.length + 2} className="ap-muted">
                    暂无数据，请点击“添加一行”。
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
        <div className="ap-inline">
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => set(f.name, [...rows, Object.fromEntries(cols.map((c) => [c.name, ""]))])}>
            添加一行
          </button>
          {f.minRows ? <span className="ap-muted">至少 {f.minRows} 行</span> : null}
        </div>
        {fieldError(f.name) ? <span className="error">{fieldError(f.name)}</span> : null}
      </div>
    );
  };

  const errorCount = Object.keys(errors).length;
  const shownAttachments = props.attachments.filter(
    (a) =>
      a.when === "always" ||
      a.when === "overdue" ||
      (a.when === "forced_cancellation" && values.forced === true) ||
      (a.when === "important_info_change" && values.kind === "important") ||
      (a.when === "basic_info_change" && values.kind === "basic"),
  );
  return (
    <div className="form">
      {props.returnReason ? <div className="alert alert-warning">聘用单位退回原因：{props.returnReason}。请修改后重新保存并签名。</div> : null}
      {props.carriedOver ? (
        <div className="alert alert-info" role="status">
          您在上次保存后新增的 {props.carriedOver} 条工作经历或工作业绩已带入本申请表，请核对后保存。
        </div>
      ) : null}
      {sections.map((sec) => (
        <section key={sec.title} className="ap-form-section">
          <h3>{sec.title}</h3>
          {sec.title === "个人基本信息" ? (
            <p className="ap-muted ap-pull-up">
              来自实名认证信息，不能在申请表中修改；如有错误请返回“个人信息”修改或办理信息变更。
            </p>
          ) : null}
          {sec.fields.length === 1 && sec.fields[0]!.kind === "table" ? renderTable(sec.fields[0]!) : <div className="ap-fields">{sec.fields.map(renderScalar)}</div>}
        </section>
      ))}
      {shownAttachments.length ? (
        <section className="ap-form-section">
          <h3>申报材料（扫描件）</h3>
          <p className="ap-muted mt-0">
            {props.scanLimits.join("；")}。上传后点击“保存”才会保存。
          </p>
          <div className="ap-attachments">
            {shownAttachments.map((a) => {
              const f = files[a.code];
              const err = errors[`attachments.${a.code}`];
              // `000` §三.1(7): save, print the form, stamp it, upload the scan, save again — nothing to stamp before.
              if (a.code === STAMPED_FORM && !formSaved && !f)
                return (
                  <div key={a.code} className="ap-attachment" data-attachment={a.code}>
                    <div>
                      {a.label}
                      {a.required ? <span className="req">*</span> : <span className="ap-muted">（选填）</span>}
                    </div>
                    <span className="ap-muted" data-testid="stamped-form-later">
                      请先保存申请表；保存后可打印申请表，加盖单位公章后在此上传。
                    </span>
                  </div>
                );
              return (
                <div key={a.code} className="ap-attachment" data-attachment={a.code}>
                  <div>
                    {a.label}
                    {a.required ? <span className="req">*</span> : <span className="ap-muted">（选填）</span>}
                  </div>
                  <div className="field ap-field-tight">
                    <div className="ap-inline">
                      {a.code === STAMPED_FORM ? (
                        <a href={`/applicant/applications/${props.applicationId}/preview`} target="_blank" rel="noopener" data-testid="print-form">
                          打印申请表
                        </a>
                      ) : null}
                      {f ? (
                        <a href={`/files/${f.id}`} target="_blank" rel="noopener">
                          {f.name ?? "已上传"}（{kb(f.byteSize)}）
                        </a>
                      ) : (
                        <span className="ap-muted">未上传</span>
                      )}
                      <UploadButton
                        kind="scan"
                        id={`upload-${a.code}`}
                        label={f ? "重新上传" : `上传${a.label}`}
                        accept={props.scanAccept}
                        applicationId={props.applicationId}
                        purpose={a.code}
                        onUploaded={(u) => {
                          setFiles((cur) => ({ ...cur, [a.code]: { id: u.fileId, name: u.fileName, byteSize: u.byteSize } }));
                          setDirty(true);
                          setSaved(null);
                        }}
                      />
                    </div>
                    {err ? <span className="error">{err}</span> : null}
                  </div>
                </div>
              );
            })}
          </div>
        </section>
      ) : null}
      {opinion ? (
        <section className="ap-form-section" data-field="applicantOpinion">
          <h3>
            申请人员意见<span className="req">*</span>
          </h3>
          <p className="ap-muted mt-0">
            请仔细阅读下方内容，勾选文字前的复选框同意该内容后，方可继续进行申报操作。
          </p>
          <label className="ap-check">
            <input type="checkbox" checked={values.applicantOpinion === true} onChange={(e) => set("applicantOpinion", e.target.checked)} aria-invalid={errors.applicantOpinion ? true : undefined} />
            <span>{props.opinionText}</span>
          </label>
          {errors.applicantOpinion ? <span className="error">{errors.applicantOpinion}</span> : null}
        </section>
      ) : null}

      <Problem error={problem && !problem.ok ? problem.error : null} conflict={problem && !problem.ok ? problem.conflict : false} />
      {saved === "invalid" ? (
        <div className="alert alert-warning" role="status">
          已保存，但有 {errorCount} 处需要修改（见各项下方红字）。全部修改后再次保存，才能进行个人数字签名。
        </div>
      ) : null}
      {saved === "valid" ? <Notice>保存成功，数据已通过校验。请点击【个人数字签名】完成签署。</Notice> : null}
      <div className="ap-sticky-actions">
        <button type="button" className="btn" onClick={save} disabled={saving}>
          {saving ? "正在保存…" : "保存"}
        </button>
        {savedValid && !dirty ? (
          <button type="button" className="btn ap-btn-sign" onClick={() => setSigning(true)}>
            【个人数字签名】
          </button>
        ) : (
          <span className="ap-muted">{dirty ? "有未保存的修改。" : "保存并通过校验后显示【个人数字签名】按钮。"}</span>
        )}
      </div>
      {signing ? (
        <SignDialog applicationId={props.applicationId} version={version} fileName={props.fileName} onClose={() => setSigning(false)} sendCode={props.sendCode} sign={props.sign} />
      ) : null}
    </div>
  );
}
