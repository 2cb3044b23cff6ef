"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { reviewDecisionSchema } from "@/lib/schemas/decisions";
import { formAction } from "@/app/_lib/action-pipeline";
import { acceptApplication } from "@/lib/services/applications/accept-application";
import { approveApplication } from "@/lib/services/applications/approve-application";
import { concludeNotice } from "@/lib/services/applications/conclude-notice";
import { forwardApplication } from "@/lib/services/applications/forward-application";
import { publishNotice } from "@/lib/services/applications/publish-notice";
import { rejectApplication } from "@/lib/services/applications/reject-application";
import { requestCorrection } from "@/lib/services/applications/request-correction";

/**
 * Every reviewer decision on one application. Posts the version the reviewer saw; the service authorizes (only the
 * authority holding it, at its level), the engine checks the rule and what the decision needs (W4, W5, W6; its
 * message goes above the form, the fields left empty get their own), and the event is written in one transaction.
 */
export const reviewAction = formAction("reviewer", reviewDecisionSchema, async (f, { actor, user }) => {
  const db = getDb();
  const base = { applicationId: f.applicationId, version: f.version };
  const decide = {
    accept: () => acceptApplication(db, actor, { ...base, opinion: f.opinion }),
    request_correction: () => requestCorrection(db, actor, { ...base, content: f.content, reason: f.reason }),
    reject: () => rejectApplication(db, actor, { ...base, reasons: f.reasons }),
    forward: () => forwardApplication(db, actor, { ...base, opinion: f.opinion }),
    approve: () => approveApplication(db, actor, { ...base, opinion: f.opinion }),
    publish_notice: () =>
      publishNotice(db, actor, { ...base, outcome: f.outcome, reasons: f.outcome === "fail" ? f.reasons : undefined }),
    conclude: () => concludeNotice(db, actor, { ...base, opinion: f.opinion }),
  }[f.action];
  const result = await decide();
  revalidatePath("/review", "layout");
  // Forwarded to the next level: it has left this authority's queues.
  if (result.application.authorityId !== user.authorityId) {
    redirect(`/review/pending?forwarded=${encodeURIComponent(result.application.acceptanceNo ?? "")}`);
  }
  redirect(`/review/applications/${f.applicationId}?done=${f.action}`);
});
