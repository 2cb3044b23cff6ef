import type { Database } from "@/db/client";
import type { Actor } from "../actor";
import { transitionWithCorrectionFiles } from "./correction-files";

/** 提交补正 (W4): the applicant's uploads go back to the authority; the 补正 action then disappears. */
export function answerCorrection(
  db: Database,
  actor: Actor,
  input: { applicationId: string; version: number; fileIds: string[]; opinion?: string },
  now = new Date(),
) {
  return transitionWithCorrectionFiles(db, actor, "answer_correction", input, now);
}
