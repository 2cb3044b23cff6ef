"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { countersignSchema, returnSchema, withdrawalDecisionSchema } from "@/lib/schemas/decisions";
import { formAction } from "@/app/_lib/action-pipeline";
import { consentWithdrawal } from "@/lib/services/applications/consent-withdrawal";
import { declineWithdrawal } from "@/lib/services/applications/decline-withdrawal";
import { returnApplication } from "@/lib/services/applications/return-application";
import { countersignApplicationForm } from "@/lib/services/documents/countersign-application-form";

const withNo = (no: string | null) => (no ? `&no=${encodeURIComponent(no)}` : "");

/** 签名确认 (M2): 聘用企业意见 ticked, then the employer's signature is appended to the signed form. */
export const countersignAction = formAction("employer", countersignSchema, async (f, { actor }) => {
  await countersignApplicationForm(getDb(), actor, {
    applicationId: f.applicationId,
    version: f.version,
    opinionTicked: true,
    opinion: f.opinion,
  });
  revalidatePath("/employer", "layout");
  redirect(`/employer/applications/${f.applicationId}?done=countersigned`);
});

/** 退回个人: back to the applicant; the engine requires the reason (M1) and its message goes next to the field. */
export const returnAction = formAction("employer", returnSchema, async (f, { actor }) => {
  const out = await returnApplication(getDb(), actor, f);
  revalidatePath("/employer", "layout");
  redirect(`/employer/pending?done=returned${withNo(out.application.acceptanceNo)}`);
});

/** 同意撤回 / 不同意撤回 (W2). */
export const withdrawalAction = formAction(
  "employer",
  withdrawalDecisionSchema,
  async ({ decision, ...input }, { actor }) => {
    const out = await (decision === "consent" ? consentWithdrawal : declineWithdrawal)(getDb(), actor, input);
    revalidatePath("/employer", "layout");
    redirect(
      `/employer/pending?done=` +
        `${decision === "consent" ? "consented" : "declined"}${withNo(out.application.acceptanceNo)}`,
    );
  },
);
