import { and, eq, inArray, isNull, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import * as s from "@/db/schema";
import { invalid, say } from "../errors";
import type { ApplicationRow } from "@/db/rows/application-rows";
import type { Database } from "@/db/client";
import type { Actor } from "../actor";
import { transitionApplication } from "./transition";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The message when a 补正 names a file that is not the applicant's own upload for this application. */
export const NOT_OWN_CORRECTION_FILE = "所提交的补正材料中有不属于本申请的文件，请刷新页面，重新上传补正材料后再提交。";
/** The same refusal in the actor's language (errors catalog; its Chinese is the text above). */
const notOwnCorrectionFile = () => invalid(say("applications.notOwnCorrectionFile"));

/**
 * 提交补正 / 公示期补正 (W4, W6): a correction may reference only uploads its applicant owns, made for this
 * application (or not yet attached to any) — otherwise its event would record another person's file id (ASVS V4.2.1,
 * issue 9 item 8). Runs inside the transition's transaction, so a refusal rolls the state change back; the files
 * named are then kept with the application (F1).
 */
async function keepCorrectionFiles(
  tx: Executor,
  application: ApplicationRow,
  fileIds: readonly string[],
): Promise<void> {
  const ids = [...new Set(fileIds)];
  if (ids.length === 0) return;
  if (!ids.every((id) => UUID.test(id))) throw notOwnCorrectionFile();
  const own = await tx
    .update(s.files)
    .set({ state: "kept", applicationId: application.id })
    .where(
      and(
        inArray(s.files.id, ids),
        eq(s.files.ownerPersonId, application.personId),
        inArray(s.files.kind, ["correction", "scan"]),
        or(eq(s.files.applicationId, application.id), isNull(s.files.applicationId)),
      ),
    )
    .returning({ id: s.files.id });
  if (own.length !== ids.length) throw notOwnCorrectionFile();
}

/**
 * 提交补正 (W4) and 公示期补正 (W6) are the same move: the applicant's files and opinion go back with the action, and
 * only their own uploads for this application may be named (issue 9 item 8).
 */
export function transitionWithCorrectionFiles(
  db: Database,
  actor: Actor,
  action: "answer_correction" | "correct_during_notice",
  input: { applicationId: string; version: number; fileIds: string[]; opinion?: string },
  now: Date,
) {
  return transitionApplication(db, actor, {
    applicationId: input.applicationId,
    expectedVersion: input.version,
    action,
    input: { files: input.fileIds, opinion: input.opinion },
    afterUpdate: (tx, application) => keepCorrectionFiles(tx, application, input.fileIds),
    now,
  });
}
