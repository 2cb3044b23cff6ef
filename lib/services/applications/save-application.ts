import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { validateApplicationForm, type FieldError } from "@/lib/domain/application-types";
import { checkOption } from "@/lib/domain/eligibility";
import { getProgram } from "@/lib/domain/programs";
import { chinaDate } from "@/lib/server/clock";
import type { Actor } from "../actor";
import { notFound } from "../errors";
import { loadApplicationWithSnapshot } from "./records";
import { transitionApplication } from "./transition";

export type SaveApplicationInput = {
  applicationId: string;
  version: number;
  formData: Record<string, unknown>;
  /** Attachment code → uploaded file id(s). */
  attachments?: Record<string, string | string[]>;
};

/**
 * 保存 (G8): the form is stored even when invalid — nothing the user typed is lost — and the server's problems come
 * back per field. Only a save without problems makes 个人数字签名 available. Uploads it refers to are kept (F1).
 */
export async function saveApplication(db: Database, actor: Actor, input: SaveApplicationInput, now = new Date()) {
  // The application and its applicant's snapshot in one statement (a save's statement budget, issue 12).
  const loaded = await loadApplicationWithSnapshot(db, input.applicationId);
  if (!loaded || actor.role !== "applicant" || loaded.application.personId !== actor.personId) throw notFound("该申请");
  const { application: row, snapshot } = loaded;
  const program = getProgram(row.programCode);
  const overdue = checkOption(
    { ...snapshot, applications: snapshot.applications.filter((a) => a.id !== row.id) },
    program,
    row.type,
    row.specialtyCode,
    chinaDate(now),
  ).overdue;
  const attachments = input.attachments ?? {};
  const errors: FieldError[] = validateApplicationForm(program, row.type, input.formData, { overdue }, attachments);
  const fileIds = Object.values(attachments).flat();

  const outcome = await transitionApplication(db, actor, {
    applicationId: row.id,
    action: "save",
    expectedVersion: input.version,
    input: { formErrors: errors },
    // K2: 是否强制注销 is a fact of the application, not only of its form — it decides whether the employer confirms.
    set: { formData: { ...input.formData, attachments }, ...(row.type === "cancellation" ? { forcedCancellation: input.formData.forced === true } : {}) },
    afterUpdate: async (tx) => {
      if (fileIds.length === 0) return;
      // Only the applicant's own uploads can be attached; anything else is silently not kept.
      await tx
        .update(s.files)
        .set({ state: "kept", applicationId: row.id })
        .where(and(inArray(s.files.id, fileIds), eq(s.files.ownerPersonId, row.personId)));
    },
    now,
  });
  return { application: outcome.application, fieldErrors: Object.fromEntries(errors.map((e) => [e.field, e.message])) };
}
