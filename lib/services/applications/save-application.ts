import { and, eq, ne } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import * as s from "@/db/schema";
import { validateApplicationForm, type FieldError } from "@/lib/domain/form-validation";
import { fieldProblemText } from "@/lib/i18n/filing";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { checkOption } from "@/lib/domain/eligibility";
import { getProgram } from "@/lib/domain/programs";
import { ID_DOCUMENT_TYPES, type IdDocumentType } from "@/lib/domain/types";
import { chinaDate } from "@/lib/server/clock";
import type { Actor } from "../actor";
import { notFound } from "../errors";
import { loadOwnApplicationForSave } from "@/db/rows/application-rows";
import { pickedNewEmployerId, withPickedEmployer } from "@/db/rows/filed-facts";
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
  if (actor.role !== "applicant" || !actor.personId) throw notFound("application");
  // The application (checked to be the actor's own) and its applicant's snapshot in one statement (issue 12).
  const loaded = await loadOwnApplicationForSave(db, input.applicationId, actor.personId);
  if (!loaded) throw notFound("application");
  return saveLoadedApplication(db, actor, loaded, input, now);
}

export type LoadedForSave = NonNullable<Awaited<ReturnType<typeof loadOwnApplicationForSave>>>;

/**
 * The save on what `loadOwnApplicationForSave` read for this actor (saveApplicationForm reads it once for both). The
 * transition reuses that row instead of reading it again: its UPDATE is conditional on (id, version, status), so a
 * change made since the read is a conflict, never overwritten.
 */
export async function saveLoadedApplication(
  db: Database,
  actor: Actor,
  loaded: LoadedForSave,
  input: Omit<SaveApplicationInput, "applicationId">,
  now = new Date(),
) {
  const row = loaded.application;
  if (actor.role !== "applicant" || row.personId !== actor.personId) throw notFound("application");
  const program = getProgram(row.programCode);
  const snapshot = await withPickedEmployer(db, loaded.snapshot, { type: row.type, formData: input.formData });
  const option = checkOption(
    { ...snapshot, applications: snapshot.applications.filter((a) => a.id !== row.id) },
    program,
    row.type,
    row.specialtyCode,
    chinaDate(now),
  );
  const overdue = option.overdue;
  const attachments = input.attachments ?? {};
  const errors: FieldError[] = validateApplicationForm(program, row.type, input.formData, { overdue }, attachments);
  const fileIds = Object.values(attachments).flat();
  const newEmployerId = pickedNewEmployerId({ type: row.type, formData: input.formData });
  if (row.type === "change" && newEmployerId) {
    if (snapshot.newEmployerPending)
      errors.push({ field: "newEmployerId", message: "未找到该企业，请通过企业名称查找后从列表中选择", rule: "C2" });
    // C1/C2/G3 about the picked employer are shown next to it, in the engine's words.
    for (const r of option.reasons)
      if (["C1", "C2", "G3"].includes(r.rule))
        errors.push({ field: "newEmployerId", message: r.message, rule: r.rule });
  }
  if (row.type === "info_change") errors.push(...(await identityTaken(db, row.personId, input.formData)));

  const pickedEmployer = row.type === "change" && newEmployerId && !snapshot.newEmployerPending ? newEmployerId : null;
  const outcome = await transitionApplication(db, actor, {
    applicationId: row.id,
    row,
    // Read with the row: with it (and no employer to switch) the save is one statement (issue 12).
    lastEvent: loaded.lastEvent,
    action: "save",
    expectedVersion: input.version,
    input: { formErrors: errors },
    // K2: 是否强制注销 is a fact of the application, not only of its form — it decides whether the employer confirms.
    set: {
      formData: { ...input.formData, attachments },
      ...(row.type === "cancellation" ? { forcedCancellation: input.formData.forced === true } : {}),
    },
    // F1: the uploads the form refers to are kept — only the applicant's own.
    keepFiles: fileIds.length ? { ids: fileIds, ownerPersonId: row.personId } : undefined,
    // 变更注册: the application goes to the employer picked in its form (C2), never to the profile's.
    afterUpdate: pickedEmployer
      ? async (tx) => {
          await tx.update(s.applications).set({ employerId: pickedEmployer }).where(eq(s.applications.id, row.id));
        }
      : undefined,
    now,
  });
  // Each problem is said in the applicant's language (issue 14 item 4); Chinese is the domain's own message.
  const ctx = { type: row.type, program };
  return {
    application: outcome.application,
    fieldErrors: Object.fromEntries(
      errors.map((e) => [e.field, fieldProblemText(actor.locale ?? DEFAULT_LOCALE, ctx, e)]),
    ),
  };
}

/** N3: a new identity document must not belong to another person on the platform. */
async function identityTaken(db: Executor, personId: string, form: Record<string, unknown>): Promise<FieldError[]> {
  const type = form.newIdType;
  const number = typeof form.newIdNumber === "string" ? form.newIdNumber.trim().toUpperCase() : "";
  if (
    form.kind !== "important" ||
    typeof type !== "string" ||
    !(ID_DOCUMENT_TYPES as readonly string[]).includes(type) ||
    number === ""
  )
    return [];
  const [other] = await db
    .select({ id: s.people.id })
    .from(s.people)
    .where(and(eq(s.people.idType, type as IdDocumentType), eq(s.people.idNumber, number), ne(s.people.id, personId)));
  return other
    ? [
        {
          field: "newIdNumber",
          message: "该证件号码已登记在平台另一人员名下，不能变更为此号码。如有疑问请联系审批机构。",
          rule: "N3",
        },
      ]
    : [];
}
