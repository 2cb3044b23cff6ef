import type { Database } from "@/db/client";
import type { Actor } from "../actor";
import { transitionApplication } from "./transition";

/** 要求补正 (W4): the authority names what to supply (补正内容) and why (补正原因). */
export async function requestCorrection(
  db: Database,
  actor: Actor,
  input: { applicationId: string; version: number; content: string; reason: string },
  now = new Date(),
) {
  return transitionApplication(db, actor, {
    applicationId: input.applicationId,
    expectedVersion: input.version,
    action: "request_correction",
    input: { correction: { content: input.content, reason: input.reason }, opinion: input.reason },
    now,
  });
}
