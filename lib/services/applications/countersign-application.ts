import type { Database } from "@/db/client";
import type { Actor } from "../actor";
import { transitionApplication } from "./transition";

/**
 * 签名确认 (M2): the employer ticks 聘用企业意见 and signs; the application goes to the first authority (or completes where the
 * program says so).
 */
export async function countersignApplication(
  db: Database,
  actor: Actor,
  input: { applicationId: string; version: number; opinionTicked: boolean; opinion?: string },
  now = new Date(),
) {
  return transitionApplication(db, actor, {
    applicationId: input.applicationId,
    expectedVersion: input.version,
    action: "countersign",
    input: { employerOpinionTicked: input.opinionTicked, opinion: input.opinion },
    now,
  });
}
