import type { Database } from "@/db/client";
import type { Actor } from "../actor";
import { transitionApplication } from "./transition";

/** 修改申请表 after signing (G9): the signed PDF is void and must be signed again. */
export async function voidSignature(
  db: Database,
  actor: Actor,
  input: { applicationId: string; version: number },
  now = new Date(),
) {
  return transitionApplication(db, actor, {
    applicationId: input.applicationId,
    expectedVersion: input.version,
    action: "edit_after_sign",
    input: {},
    now,
  });
}
