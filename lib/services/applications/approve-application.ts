import type { Database } from "@/db/client";
import type { Actor } from "../actor";
import { transitionApplication } from "./transition";

/** 准予注册 at the last level: numbers, validity and certificate changes are applied in the same transaction. */
export async function approveApplication(
  db: Database,
  actor: Actor,
  input: { applicationId: string; version: number; opinion?: string },
  now = new Date(),
) {
  return transitionApplication(db, actor, {
    applicationId: input.applicationId,
    expectedVersion: input.version,
    action: "approve",
    input: { opinion: input.opinion },
    now,
  });
}
