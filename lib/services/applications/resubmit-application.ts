import type { Database } from "@/db/client";
import type { Actor } from "../actor";
import { transitionApplication } from "./transition";

/** 修改后重新申报 (W1/W5): a rejected or withdrawn application becomes an editable draft again. */
export async function resubmitApplication(
  db: Database,
  actor: Actor,
  input: { applicationId: string; version: number },
  now = new Date(),
) {
  return transitionApplication(db, actor, {
    applicationId: input.applicationId,
    expectedVersion: input.version,
    action: "resubmit",
    input: {},
    now,
  });
}
