import type { Database } from "@/db/client";
import type { Actor } from "../actor";
import { transitionApplication } from "./transition";

/** 公示 (W6): the outcome is published; a failed outcome carries its reasons so the applicant can correct. */
export async function publishNotice(
  db: Database,
  actor: Actor,
  input: { applicationId: string; version: number; outcome?: "pass" | "fail"; reasons?: string[] },
  now = new Date(),
) {
  return transitionApplication(db, actor, {
    applicationId: input.applicationId,
    expectedVersion: input.version,
    action: "publish_notice",
    input: { noticeOutcome: input.outcome, reasons: input.reasons, opinion: input.reasons?.join("；") },
    now,
  });
}
