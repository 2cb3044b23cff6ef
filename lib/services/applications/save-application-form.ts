import type { Database } from "@/db/client";
import { loadOwnApplicationForSave } from "@/db/rows/application-rows";
import { FORM_FIELDS } from "@/lib/domain/form-specs";
import type { ApplicationType } from "@/lib/domain/types";
import { getProgram } from "@/lib/domain/programs";
import type { Actor } from "../actor";
import { notFound } from "../errors";
import { wizardState } from "../people/filing-commitment";
import { saveLoadedApplication } from "./save-application";

/** What the 保存 button posts, already parsed by the action's schema (ids are ids, text is clean text). */
export type SaveApplicationFormInput = {
  applicationId: string;
  version: number;
  values: Record<string, unknown>;
  attachments: Record<string, string>;
};

type Cell = string | number | boolean | null;
const cell = (v: unknown): Cell =>
  typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? v : null;

/** Keeps only what the applicant may type for this type of application: its input fields and table columns. */
function applicantInput(type: ApplicationType, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of FORM_FIELDS[type]) {
    if (f.source !== "input") continue;
    const v = values[f.name];
    out[f.name] =
      f.kind === "table"
        ? (Array.isArray(v) ? v : []).map((r) =>
            Object.fromEntries((f.columns ?? []).map((c) => [c.name, cell((r as Record<string, unknown>)?.[c.name])])),
          )
        : cell(v);
  }
  return out;
}

/**
 * 保存 (G8) from the wizard: keeps only what the applicant may type, fills the values that come from records
 * (specialty, qualification), keeps the server's own wizard record and the program's attachment codes, then saves
 * (stored even when invalid). Anything the person does not own is "not found", as everywhere.
 */
export async function saveApplicationForm(db: Database, actor: Actor, input: SaveApplicationFormInput) {
  if (actor.role !== "applicant" || !actor.personId) throw notFound("application");
  // One statement: the own application, the snapshot the save checks and the qualification shown (issue 12).
  const loaded = await loadOwnApplicationForSave(db, input.applicationId, actor.personId);
  if (!loaded || loaded.application.status === "deleted") throw notFound("application");
  const row = loaded.application;

  const formData = applicantInput(row.type, input.values);
  if (row.specialtyCode) formData.specialty = row.specialtyCode;
  const q = loaded.qualification;
  if (q && row.specialtyCode && FORM_FIELDS[row.type].some((f) => f.source === "qualification")) {
    formData.qualificationNumber = q.managementNo;
    formData.qualificationApprovedOn = q.approvalDate;
  }
  const wizard = wizardState(row.formData);
  if (Object.keys(wizard).length) formData._wizard = wizard;
  const codes = new Set((getProgram(row.programCode).attachments[row.type] ?? []).map((a) => a.code));
  const attachments = Object.fromEntries(Object.entries(input.attachments).filter(([code]) => codes.has(code)));
  const saved = await saveLoadedApplication(db, actor, loaded, {
    version: input.version,
    formData,
    attachments,
  });
  return {
    version: saved.application.version,
    savedValid: saved.application.savedValid,
    fieldErrors: saved.fieldErrors,
  };
}
