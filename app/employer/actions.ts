"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/server/auth";
import { actorFromUser } from "@/lib/services/actor";
import { consentWithdrawal } from "@/lib/services/applications/consent-withdrawal";
import { declineWithdrawal } from "@/lib/services/applications/decline-withdrawal";
import { returnApplication } from "@/lib/services/applications/return-application";
import { countersignApplicationForm } from "@/lib/services/documents/countersign-application-form";
import { formString, formVersion, SESSION_EXPIRED, stateFromError, type FormState } from "@/components/review/action-state";

async function employerActor() {
  const user = await getCurrentUser();
  return user && user.role === "employer" ? actorFromUser(user) : null;
}

/** 签名确认 (M2): 聘用企业意见 ticked, then the employer's signature is appended to the signed form. */
export async function countersignAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const actor = await employerActor();
  if (!actor) return SESSION_EXPIRED;
  const applicationId = formString(fd, "applicationId", 64);
  if (fd.get("opinionTicked") !== "on") {
    return { error: "请勾选“聘用企业意见”后再签名确认。", fieldErrors: { opinionTicked: "请勾选聘用企业意见" } };
  }
  try {
    await countersignApplicationForm(getDb(), actor, {
      applicationId,
      version: formVersion(fd),
      opinionTicked: true,
      opinion: formString(fd, "opinion", 500) || undefined,
    });
  } catch (e) {
    return stateFromError(e);
  }
  revalidatePath("/employer", "layout");
  redirect(`/employer/applications/${applicationId}?done=countersigned`);
}

/** 退回个人: back to the applicant with a reason (required). */
export async function returnAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const actor = await employerActor();
  if (!actor) return SESSION_EXPIRED;
  const reason = formString(fd, "reason", 500);
  if (!reason) return { error: "请填写退回原因，告知申请人需要修改的内容。", fieldErrors: { reason: "请填写退回原因" } };
  let acceptanceNo: string | null = null;
  try {
    const out = await returnApplication(getDb(), actor, { applicationId: formString(fd, "applicationId", 64), version: formVersion(fd), reason });
    acceptanceNo = out.application.acceptanceNo;
  } catch (e) {
    return stateFromError(e);
  }
  revalidatePath("/employer", "layout");
  redirect(`/employer/pending?done=returned${acceptanceNo ? `&no=${encodeURIComponent(acceptanceNo)}` : ""}`);
}

/** 同意撤回 / 不同意撤回 (W2). */
export async function withdrawalAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const actor = await employerActor();
  if (!actor) return SESSION_EXPIRED;
  const decision = fd.get("decision");
  const input = { applicationId: formString(fd, "applicationId", 64), version: formVersion(fd), opinion: formString(fd, "opinion", 500) || undefined };
  let acceptanceNo: string | null = null;
  try {
    const out = decision === "consent" ? await consentWithdrawal(getDb(), actor, input) : await declineWithdrawal(getDb(), actor, input);
    acceptanceNo = out.application.acceptanceNo;
  } catch (e) {
    return stateFromError(e);
  }
  revalidatePath("/employer", "layout");
  redirect(`/employer/pending?done=${decision === "consent" ? "consented" : "declined"}${acceptanceNo ? `&no=${encodeURIComponent(acceptanceNo)}` : ""}`);
}
