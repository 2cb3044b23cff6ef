import type { Database } from "@/db/client";
import type { Actor } from "../actor";
import { transitionApplication } from "./transition";

/** 受理: the authority takes the application into review (after which it can no longer be withdrawn, W1). */
export async function acceptApplication(
  db: Database,
  actor: Actor,
  input: { applicationId: string; version: number; opinion?: string },
  now = new Date(),
) {
  return transitionApplication(db, actor, {
    applicationId: input.applicationId,
    expectedVersion: input.version,
    action: "accept",
    input: { opinion: input.opinion },
    now,
  });
}
