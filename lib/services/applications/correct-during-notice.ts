import type { Database } from "@/db/client";
import type { Actor } from "../actor";
import { transitionWithCorrectionFiles } from "./correction-files";

/** 公示期补正 (W6). */
export function correctDuringNotice(
  db: Database,
  actor: Actor,
  input: { applicationId: string; version: number; fileIds: string[]; opinion?: string },
  now = new Date(),
) {
  return transitionWithCorrectionFiles(db, actor, "correct_during_notice", input, now);
}
