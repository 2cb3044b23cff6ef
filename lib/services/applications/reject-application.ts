import type { Database } from "@/db/client";
import type { Actor } from "../actor";
import { transitionApplication } from "./transition";

/** 不予注册 with reasons (W5: the applicant can correct and resubmit). */
export async function rejectApplication(
  db: Database,
  actor: Actor,
  input: { applicationId: string; version: number; reasons: string[] },
  now = new Date(),
) {
  return transitionApplication(db, actor, {
    applicationId: input.applicationId,
    expectedVersion: input.version,
    action: "reject",
    input: { reasons: input.reasons, opinion: input.reasons.join("；") },
    now,
  });
}
