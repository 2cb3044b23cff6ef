import type { Database } from "@/db/client";
import type { Actor } from "../actor";
import { transitionApplication } from "./transition";

/** 撤回 (W1/W2): until accepted; where the program requires it, the employer must consent. */
export async function withdrawApplication(
  db: Database,
  actor: Actor,
  input: { applicationId: string; version: number; opinion?: string },
  now = new Date(),
) {
  return transitionApplication(db, actor, {
    applicationId: input.applicationId,
    expectedVersion: input.version,
    action: "withdraw",
    input: { opinion: input.opinion },
    now,
  });
}
