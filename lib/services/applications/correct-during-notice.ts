import type { Database } from "@/db/client";
import type { Actor } from "../actor";
import { keepCorrectionFiles } from "./correction-files";
import { transitionApplication } from "./transition";

/** 公示期补正 (W6). */
export async function correctDuringNotice(
  db: Database,
  actor: Actor,
  input: { applicationId: string; version: number; fileIds: string[]; opinion?: string },
  now = new Date(),
) {
  return transitionApplication(db, actor, {
    applicationId: input.applicationId,
    expectedVersion: input.version,
    action: "correct_during_notice",
    input: { files: input.fileIds, opinion: input.opinion },
    // Only the applicant's own uploads for this application may be named (issue 9 item 8).
    afterUpdate: (tx, application) => keepCorrectionFiles(tx, application, input.fileIds),
    now,
  });
}
