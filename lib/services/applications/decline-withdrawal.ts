import type { Database } from "@/db/client";
import type { Actor } from "../actor";
import { transitionApplication } from "./transition";

/** 不同意撤回 (W2): the application goes back where it was. */
export async function declineWithdrawal(
  db: Database,
  actor: Actor,
  input: { applicationId: string; version: number; opinion?: string },
  now = new Date(),
) {
  return transitionApplication(db, actor, {
    applicationId: input.applicationId,
    expectedVersion: input.version,
    action: "decline_withdrawal",
    input: { opinion: input.opinion },
    now,
  });
}
