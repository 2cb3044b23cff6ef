"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import {
  applicationOpSchema,
  applicationRef,
  correctionSchema,
  saveFormSchema,
  signSchema,
  tickSchema,
} from "@/lib/schemas/applications";
import { action, positional } from "@/app/_lib/action-pipeline";
import { answerCorrection } from "@/lib/services/applications/answer-correction";
import { correctDuringNotice } from "@/lib/services/applications/correct-during-notice";
import { deleteApplication } from "@/lib/services/applications/delete-application";
import { resubmitApplication } from "@/lib/services/applications/resubmit-application";
import { saveApplicationForm } from "@/lib/services/applications/save-application-form";
import { signOwnApplication } from "@/lib/services/applications/sign-own-application";
import { voidSignature } from "@/lib/services/applications/void-signature";
import { withdrawApplication } from "@/lib/services/applications/withdraw-application";
import { acceptanceNoticeFile } from "@/lib/services/documents/acceptance-notice";
import { sendSigningCode } from "@/lib/services/documents/sign-application-form";
import { confirmSocialInsurance, makeCommitment, tickConditions } from "@/lib/services/people/filing-commitment";

const done = (id: string) => {
  revalidatePath("/applicant", "layout");
  revalidatePath(`/applicant/applications/${id}`);
};

// --- 申报须知 / 个人承诺书 / 社保确认 (G5, G6) ------------------------------------------------------------------

export const agreeConditions = positional("applicant", tickSchema, async ([applicationId, allTicked], { actor }) => {
  await tickConditions(getDb(), actor, { applicationId, allTicked });
  done(applicationId);
  return {};
});

export const commit = positional("applicant", tickSchema, async ([applicationId, committed], { actor }) => {
  const r = await makeCommitment(getDb(), actor, { applicationId, committed });
  done(applicationId);
  return { cancelled: r.cancelled, deleted: r.cancelled ? r.deleted : false };
});

export const confirmInsurance = positional("applicant", tickSchema, async ([applicationId, confirmed], { actor }) => {
  const r = await confirmSocialInsurance(getDb(), actor, { applicationId, confirmed });
  done(applicationId);
  return { cancelled: r.cancelled, deleted: r.cancelled ? r.deleted : false };
});

// --- 保存 (G8) ----------------------------------------------------------------------------------------------

/**
 * No revalidation: a draft save changes nothing the layout or other pages show, and the form takes the new version,
 * 已通过校验 flag and field problems from this result. Revalidating re-rendered the whole applicant layout (issue 12).
 */
export const saveForm = action(
  "applicant",
  saveFormSchema,
  ({ applicationId, version, values, attachments }, { actor }) =>
    saveApplicationForm(getDb(), actor, { applicationId, version, values, attachments }),
);

// --- 个人数字签名 (G5, G6, G8) ----------------------------------------------------------------------------------

export const sendCode = positional("applicant", applicationRef, ([applicationId], { actor }) =>
  sendSigningCode(getDb(), actor, applicationId),
);

export const sign = positional("applicant", signSchema, async ([applicationId, version, code], { actor }) => {
  const out = await signOwnApplication(getDb(), actor, { applicationId, version, code });
  done(applicationId);
  return out;
});

// --- 申请详情上的操作 (G9, W1–W6) ----------------------------------------------------------------------------

export const applicationAction = positional(
  "applicant",
  applicationOpSchema,
  async ([applicationId, version, op, opinion], { actor }) => {
    const db = getDb();
    const input = { applicationId, version };
    if (op === "edit_after_sign") await voidSignature(db, actor, input);
    else if (op === "withdraw") await withdrawApplication(db, actor, { ...input, opinion });
    else if (op === "delete") await deleteApplication(db, actor, input);
    else await resubmitApplication(db, actor, input);
    done(applicationId);
    return {};
  },
);

/** 提交补正 (W4) / 公示期补正 (W6) with the uploaded files, kept with the application in the same transaction. */
export const submitCorrection = positional(
  "applicant",
  correctionSchema,
  async ([applicationId, version, fileIds, during, opinion], { actor }) => {
    const input = { applicationId, version, fileIds, opinion };
    await (during === "notice" ? correctDuringNotice(getDb(), actor, input) : answerCorrection(getDb(), actor, input));
    done(applicationId);
    return {};
  },
);

/** 行政审批受理通知书 (F3): made on first request, then the same file. */
export const acceptanceNotice = positional("applicant", applicationRef, async ([applicationId], { actor }) => ({
  fileId: await acceptanceNoticeFile(getDb(), actor, applicationId),
}));
