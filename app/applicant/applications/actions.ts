"use server";

import { and, eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import type { Outcome } from "@/components/applicant/outcome";
import { statusLabel } from "@/lib/domain/application";
import { FORM_FIELDS } from "@/lib/domain/form-specs";
import { getProgram } from "@/lib/domain/programs";
import { toDomainApplication } from "@/db/rows/application-rows";
import { answerCorrection } from "@/lib/services/applications/answer-correction";
import { correctDuringNotice } from "@/lib/services/applications/correct-during-notice";
import { deleteApplication } from "@/lib/services/applications/delete-application";
import { resubmitApplication } from "@/lib/services/applications/resubmit-application";
import { saveApplication } from "@/lib/services/applications/save-application";
import { voidSignature } from "@/lib/services/applications/void-signature";
import { withdrawApplication } from "@/lib/services/applications/withdraw-application";
import { acceptanceNoticeFile } from "@/lib/services/documents/acceptance-notice";
import { sendSigningCode, signApplicationForm } from "@/lib/services/documents/sign-application-form";
import { notFound } from "@/lib/services/errors";
import { commitmentOf, confirmSocialInsurance, makeCommitment, tickConditions, wizardState } from "@/lib/services/people/filing-commitment";
import { act } from "../_lib/act";

const done = (id: string) => {
  revalidatePath("/applicant", "layout");
  revalidatePath(`/applicant/applications/${id}`);
};

async function ownRow(personId: string, applicationId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(String(applicationId))) throw notFound("该申请");
  const [row] = await getDb()
    .select()
    .from(s.applications)
    .where(and(eq(s.applications.id, applicationId), eq(s.applications.personId, personId)));
  if (!row || row.status === "deleted") throw notFound("该申请");
  return row;
}

// --- 申报须知 / 个人承诺书 / 社保确认 (G5, G6) ------------------------------------------------------------------

export async function agreeConditions(applicationId: string, allTicked: boolean): Promise<Outcome> {
  const res = await act(async ({ actor }) => {
    await tickConditions(getDb(), actor, { applicationId: String(applicationId), allTicked: allTicked === true });
    return {};
  });
  if (res.ok) done(applicationId);
  return res;
}

export async function commit(applicationId: string, committed: boolean): Promise<Outcome<{ cancelled: boolean; deleted: boolean }>> {
  const res = await act(async ({ actor }) => {
    const r = await makeCommitment(getDb(), actor, { applicationId: String(applicationId), committed: committed === true });
    return { cancelled: r.cancelled, deleted: r.cancelled ? r.deleted : false };
  });
  if (res.ok) done(applicationId);
  return res;
}

export async function confirmInsurance(applicationId: string, confirmed: boolean): Promise<Outcome<{ cancelled: boolean; deleted: boolean }>> {
  const res = await act(async ({ actor }) => {
    const r = await confirmSocialInsurance(getDb(), actor, { applicationId: String(applicationId), confirmed: confirmed === true });
    return { cancelled: r.cancelled, deleted: r.cancelled ? r.deleted : false };
  });
  if (res.ok) done(applicationId);
  return res;
}

// --- 保存 (G8) ----------------------------------------------------------------------------------------------

type Cell = string | number | boolean | null;
const scalar = (v: unknown): Cell => (typeof v === "string" ? v.trim().slice(0, 2000) : typeof v === "number" || typeof v === "boolean" ? v : null);

/**
 * Keeps only what the applicant may type (input fields of the type, table columns), fills the values that come from
 * records (specialty, qualification), keeps the server's own wizard record, then saves (stored even when invalid).
 */
export async function saveForm(input: {
  applicationId: string;
  version: number;
  values: Record<string, unknown>;
  attachments: Record<string, string>;
}): Promise<Outcome<{ version: number; savedValid: boolean; fieldErrors: Record<string, string> }>> {
  const res = await act(async ({ actor, personId }) => {
    const row = await ownRow(personId, input.applicationId);
    const program = getProgram(row.programCode);
    const formData: Record<string, unknown> = {};
    for (const f of FORM_FIELDS[row.type]) {
      if (f.source !== "input") continue;
      const v = input.values?.[f.name];
      if (f.kind === "table") {
        formData[f.name] = Array.isArray(v)
          ? v.slice(0, 50).map((r) => Object.fromEntries((f.columns ?? []).map((c) => [c.name, scalar((r as Record<string, unknown>)?.[c.name])])))
          : [];
      } else formData[f.name] = scalar(v);
    }
    if (row.specialtyCode) formData.specialty = row.specialtyCode;
    if (row.specialtyCode && FORM_FIELDS[row.type].some((f) => f.source === "qualification")) {
      const [q] = await getDb()
        .select()
        .from(s.qualifications)
        .where(and(eq(s.qualifications.personId, personId), eq(s.qualifications.programCode, row.programCode), eq(s.qualifications.specialtyCode, row.specialtyCode)));
      if (q) {
        formData.qualificationNumber = q.managementNo;
        formData.qualificationApprovedOn = q.approvalDate;
      }
    }
    const wizard = wizardState(row.formData);
    if (Object.keys(wizard).length) formData._wizard = wizard;
    const codes = new Set((program.attachments[row.type] ?? []).map((a) => a.code));
    const attachments = Object.fromEntries(
      Object.entries(input.attachments ?? {}).filter(([code, id]) => codes.has(code) && typeof id === "string" && /^[0-9a-f-]{36}$/i.test(id)),
    );
    const saved = await saveApplication(getDb(), actor, { applicationId: row.id, version: Number(input.version), formData, attachments });
    return { version: saved.application.version, savedValid: saved.application.savedValid, fieldErrors: saved.fieldErrors };
  });
  // No revalidation: a draft save changes nothing the layout or other pages show, and the form takes the new version,
  // 已通过校验 flag and field problems from this result. Revalidating re-rendered the whole applicant layout (issue 12).
  return res;
}

// --- 个人数字签名 (G5, G6, G8) ----------------------------------------------------------------------------------

export async function sendCode(applicationId: string): Promise<Outcome<{ maskedPhone: string }>> {
  return act(({ actor }) => sendSigningCode(getDb(), actor, String(applicationId)));
}

export async function sign(applicationId: string, version: number, code: string): Promise<Outcome<{ statusLabel: string; formPdfFileId: string | null }>> {
  const res = await act(async ({ actor, personId }) => {
    const row = await ownRow(personId, applicationId);
    const w = wizardState(row.formData);
    const out = await signApplicationForm(getDb(), actor, {
      applicationId: row.id,
      version: Number(version),
      code: String(code ?? "").trim(),
      commitment: commitmentOf(row.formData),
      socialInsuranceConfirmed: !!w.socialInsuranceConfirmedAt,
    });
    return { statusLabel: statusLabel(toDomainApplication(out.application), getProgram(out.application.programCode)), formPdfFileId: out.application.formPdfFileId };
  });
  if (res.ok) done(applicationId);
  return res;
}

// --- 申请详情上的操作 (G9, W1–W6) ----------------------------------------------------------------------------

type Op = "edit_after_sign" | "withdraw" | "delete" | "resubmit";

export async function applicationAction(applicationId: string, version: number, op: Op, opinion?: string): Promise<Outcome> {
  const db = getDb();
  const input = { applicationId: String(applicationId), version: Number(version) };
  const res = await act(async ({ actor }) => {
    switch (op) {
      case "edit_after_sign":
        await voidSignature(db, actor, input);
        break;
      case "withdraw":
        await withdrawApplication(db, actor, { ...input, opinion: opinion ? String(opinion).slice(0, 500) : undefined });
        break;
      case "delete":
        await deleteApplication(db, actor, input);
        break;
      case "resubmit":
        await resubmitApplication(db, actor, input);
        break;
      default:
        throw notFound("该操作");
    }
    return {};
  });
  if (res.ok) done(applicationId);
  return res;
}

/** 提交补正 (W4) / 公示期补正 (W6) with the uploaded files. */
export async function submitCorrection(applicationId: string, version: number, fileIds: string[], during: "correction" | "notice", opinion?: string): Promise<Outcome> {
  const db = getDb();
  const ids = (Array.isArray(fileIds) ? fileIds : []).map(String).filter((x) => /^[0-9a-f-]{36}$/i.test(x)).slice(0, 20);
  const res = await act(async ({ actor, personId }) => {
    // The uploads are the person's own and belong to this application; they are kept with it.
    const input = { applicationId: String(applicationId), version: Number(version), fileIds: ids, opinion: opinion ? String(opinion).slice(0, 500) : undefined };
    const out = during === "notice" ? await correctDuringNotice(db, actor, input) : await answerCorrection(db, actor, input);
    for (const id of ids)
      await db
        .update(s.files)
        .set({ state: "kept", applicationId: out.application.id })
        .where(and(eq(s.files.id, id), eq(s.files.ownerPersonId, personId)));
    return {};
  });
  if (res.ok) done(applicationId);
  return res;
}

/** 行政审批受理通知书 (F3): made on first request, then the same file. */
export async function acceptanceNotice(applicationId: string): Promise<Outcome<{ fileId: string }>> {
  return act(async ({ actor }) => ({ fileId: await acceptanceNoticeFile(getDb(), actor, String(applicationId)) }));
}
