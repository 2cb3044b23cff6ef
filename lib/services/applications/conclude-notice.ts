import type { Database } from "@/db/client";
import type { Actor } from "../actor";
import { transitionApplication } from "./transition";

/** 公示期满办结: the published outcome takes effect. */
export async function concludeNotice(
  db: Database,
  actor: Actor,
  input: { applicationId: string; version: number; opinion?: string },
  now = new Date(),
) {
  return transitionApplication(db, actor, {
    applicationId: input.applicationId,
    expectedVersion: input.version,
    action: "conclude",
    input: { opinion: input.opinion },
    now,
  });
}
