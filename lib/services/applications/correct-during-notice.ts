import type { Database } from "@/db/client";
import type { Actor } from "../actor";
import { keepCorrectionUploads } from "./keep-correction-uploads";
import { transitionApplication } from "./transition";

/** 公示期补正 (W6). */
export async function correctDuringNotice(db: Database, actor: Actor, input: { applicationId: string; version: number; fileIds: string[]; opinion?: string }, now = new Date()) {
  return transitionApplication(db, actor, {
    applicationId: input.applicationId, expectedVersion: input.version, action: "correct_during_notice", input: { files: input.fileIds, opinion: input.opinion },
    afterUpdate: keepCorrectionUploads(input.fileIds),
    now,
  });
}
