"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/server/auth";
import { actorFromUser } from "@/lib/services/actor";
import { acceptApplication } from "@/lib/services/applications/accept-application";
import { approveApplication } from "@/lib/services/applications/approve-application";
import { concludeNotice } from "@/lib/services/applications/conclude-notice";
import { forwardApplication } from "@/lib/services/applications/forward-application";
import { publishNotice } from "@/lib/services/applications/publish-notice";
import { rejectApplication } from "@/lib/services/applications/reject-application";
import { requestCorrection } from "@/lib/services/applications/request-correction";
import type { TransitionOutcome } from "@/lib/services/applications/transition";
import { formString, formVersion, SESSION_EXPIRED, stateFromError, type FormState } from "@/components/review/action-state";

const REVIEW_ACTIONS = ["accept", "request_correction", "reject", "forward", "approve", "publish_notice", "conclude"] as const;
type ReviewAction = (typeof REVIEW_ACTIONS)[number];

function reasonsOf(fd: FormData): string[] {
  return fd
    .getAll("reasons")
    .map((v) => (typeof v === "string" ? v.trim().slice(0, 500) : ""))
    .filter(Boolean)
    .slice(0, 20);
}

/**
 * Every reviewer decision on one application. Posts the version the reviewer saw; the service authorizes (only the
 * authority holding it, at its level), checks the rule and writes the event in one transaction.
 */
export async function reviewAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (user?.role !== "reviewer") return SESSION_EXPIRED;
  const action = REVIEW_ACTIONS.find((a) => a === fd.get("action")) as ReviewAction | undefined;
  if (!action) return { error: "未知的办理操作，请刷新页面后重试。", stale: true };
  const applicationId = formString(fd, "applicationId", 64);
  const version = formVersion(fd);
  const opinion = formString(fd, "opinion", 1000) || undefined;
  const db = getDb();
  const actor = actorFromUser(user);

  // Input checks first, with a message next to each field (the engine checks the same rules again: W4, W5, W6).
  if (action === "request_correction") {
    const content = formString(fd, "content", 1000);
    const reason = formString(fd, "reason", 1000);
    const fieldErrors: Record<string, string> = {};
    if (!content) fieldErrors.content = "请填写补正内容（需要申请人补充的材料）";
    if (!reason) fieldErrors.reason = "请填写补正原因";
    if (Object.keys(fieldErrors).length) return { error: "要求补正须同时填写补正内容和补正原因。", fieldErrors };
  }
  if (action === "reject" && reasonsOf(fd).length === 0) {
    return { error: "不予注册须写明至少一条理由，申请人将据此修改后重新申报。", fieldErrors: { reasons: "请填写不予注册的理由" } };
  }
  const outcome = fd.get("outcome");
  if (action === "publish_notice") {
    if (outcome !== "pass" && outcome !== "fail") return { error: "请选择公示结果（合格或不合格）。", fieldErrors: { outcome: "请选择公示结果" } };
    if (outcome === "fail" && reasonsOf(fd).length === 0) {
      return { error: "公示结果为不合格时须写明不合格原因，申请人可在公示期内据此补正。", fieldErrors: { reasons: "请填写不合格原因" } };
    }
  }

  let result: TransitionOutcome;
  try {
    const base = { applicationId, version };
    switch (action) {
      case "accept":
        result = await acceptApplication(db, actor, { ...base, opinion });
        break;
      case "request_correction":
        result = await requestCorrection(db, actor, { ...base, content: formString(fd, "content", 1000), reason: formString(fd, "reason", 1000) });
        break;
      case "reject":
        result = await rejectApplication(db, actor, { ...base, reasons: reasonsOf(fd) });
        break;
      case "forward":
        result = await forwardApplication(db, actor, { ...base, opinion });
        break;
      case "approve":
        result = await approveApplication(db, actor, { ...base, opinion });
        break;
      case "publish_notice":
        result = await publishNotice(db, actor, { ...base, outcome: outcome as "pass" | "fail", reasons: outcome === "fail" ? reasonsOf(fd) : undefined });
        break;
      case "conclude":
        result = await concludeNotice(db, actor, { ...base, opinion });
        break;
    }
  } catch (e) {
    return stateFromError(e);
  }
  revalidatePath("/review", "layout");
  // Forwarded to the next level: it has left this authority's queues.
  if (result.application.authorityId !== user.authorityId) {
    redirect(`/review/pending?forwarded=${encodeURIComponent(result.application.acceptanceNo ?? "")}`);
  }
  redirect(`/review/applications/${applicationId}?done=${action}`);
}
