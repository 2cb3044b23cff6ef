import type { Database } from "@/db/client";
import type { Actor } from "../actor";
import { transitionApplication } from "./transition";

/** 同意撤回 (W2). */
export async function consentWithdrawal(
  db: Database,
  actor: Actor,
  input: { applicationId: string; version: number; opinion?: string },
  now = new Date(),
) {
  return transitionApplication(db, actor, {
    applicationId: input.applicationId,
    expectedVersion: input.version,
    action: "consent_withdrawal",
    input: { opinion: input.opinion },
    now,
  });
}
