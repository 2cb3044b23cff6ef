import type { Database } from "@/db/client";
import type { Actor } from "../actor";
import { transitionApplication } from "./transition";

/** 退回个人: the employer sends the application back with a reason. */
export async function returnApplication(
  db: Database,
  actor: Actor,
  input: { applicationId: string; version: number; reason: string },
  now = new Date(),
) {
  return transitionApplication(db, actor, {
    applicationId: input.applicationId,
    expectedVersion: input.version,
    action: "employer_return",
    input: { reasons: [input.reason], opinion: input.reason },
    now,
  });
}
