import type { Database } from "@/db/client";
import type { Actor } from "../actor";
import { keepCorrectionFiles } from "./correction-files";
import { transitionApplication } from "./transition";

/** 提交补正 (W4): the applicant's uploads go back to the authority; the 补正 action then disappears. */
export async function answerCorrection(
  db: Database,
  actor: Actor,
  input: { applicationId: string; version: number; fileIds: string[]; opinion?: string },
  now = new Date(),
) {
  return transitionApplication(db, actor, {
    applicationId: input.applicationId,
    expectedVersion: input.version,
    action: "answer_correction",
    input: { files: input.fileIds, opinion: input.opinion },
    // Only the applicant's own uploads for this application may be named (issue 9 item 8).
    afterUpdate: (tx, application) => keepCorrectionFiles(tx, application, input.fileIds),
    now,
  });
}
