import type { Database } from "@/db/client";
import type { Actor } from "../actor";
import { transitionApplication } from "./transition";

/** 删除 (W3): only what was never submitted, or came back. */
export async function deleteApplication(
  db: Database,
  actor: Actor,
  input: { applicationId: string; version: number },
  now = new Date(),
) {
  return transitionApplication(db, actor, {
    applicationId: input.applicationId,
    expectedVersion: input.version,
    action: "delete",
    input: {},
    now,
  });
}
