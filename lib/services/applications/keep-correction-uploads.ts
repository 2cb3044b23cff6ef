import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import * as s from "@/db/schema";
import type { ApplicationRow } from "./records";

/**
 * 补正 (W4, W6): the files sent with the answer are kept with the application, in the same transaction as the state
 * change — before, the action did this after the commit, so a failure between the two left a 补正 without its files.
 * Only the applicant's own uploads are kept.
 */
export function keepCorrectionUploads(fileIds: string[]) {
  return async (tx: Executor, application: ApplicationRow) => {
    if (fileIds.length === 0) return;
    await tx
      .update(s.files)
      .set({ state: "kept", applicationId: application.id })
      .where(and(inArray(s.files.id, fileIds), eq(s.files.ownerPersonId, application.personId)));
  };
}
