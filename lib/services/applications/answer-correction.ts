import type { Database } from "@/db/client";
import type { Actor } from "../actor";
import { keepCorrectionUploads } from "./keep-correction-uploads";
import { transitionApplication } from "./transition";

/** 提交补正 (W4): the applicant's uploads go back to the authority; the 补正 action then disappears. */
export async function answerCorrection(db: Database, actor: Actor, input: { applicationId: string; version: number; fileIds: string[]; opinion?: string }, now = new Date()) {
  return transitionApplication(db, actor, {
    applicationId: input.applicationId, expectedVersion: input.version, action: "answer_correction", input: { files: input.fileIds, opinion: input.opinion },
    afterUpdate: keepCorrectionUploads(input.fileIds),
    now,
  });
}
