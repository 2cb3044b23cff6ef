import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { newApplication } from "@/lib/domain/application";
import { APPLICATION_TYPE_LABELS } from "@/lib/domain/application-types";
import { CANCELLATION_REASONS } from "@/lib/domain/form-specs";
import { acceptanceNumber } from "@/lib/domain/numbering";
import { getProgram, professionName } from "@/lib/domain/programs";
import { chinaDate } from "@/lib/server/clock";
import { applicationFormFileName, renderApplicationForm } from "@/lib/server/pdf/application-form";
import { signPdf } from "@/lib/server/pdf/sign-pdf";
import { getSigningIdentity } from "@/lib/server/pki";
import { removeBytes, storeBytes } from "@/lib/server/storage";
import type { Actor } from "../actor";
import { appendApplicationEvent } from "../audit/append-event";
import { applicationFormData } from "../documents/application-form-data";
import { invalid, notFound, say, type Text } from "../errors";
import { uploadFile } from "../files/upload-file";
import { allocateSerial } from "../numbering/allocate-serial";
import { routeFor } from "@/db/rows/application-rows";
import { transitionApplication } from "./transition";
import { isUuid } from "@/lib/domain/ids";

/** The court document of a forced cancellation (K2), as the program's attachment list names it. */
const JUDGMENT = "arbitration_or_judgment";

export type FileForcedCancellationInput = {
  /** The staff member's registration in force with this employer. */
  registrationId: string;
  reason: string;
  /** 单位意见, shown on the timeline. */
  opinion?: string;
  /** 劳动仲裁裁决书或法院判决书扫描件 (required). */
  judgment: { fileName: string; bytes: Uint8Array } | null;
};

/**
 * 强制注销 filed by the employer (K2; `003` §3.5.1 注2: when the person does not cooperate, the employer applies with the
 * arbitration award or court judgment). The employer picks a staff member's registration, the reason and the document;
 * the form is rendered and signed with the employer's certificate and goes straight to the first authority — no
 * applicant signature and no employer confirmation step. Create, save and sign are one transaction: either the filing
 * exists with its signed form and events, or nothing does.
 */
export async function fileForcedCancellation(
  db: Database,
  actor: Actor,
  input: FileForcedCancellationInput,
  now = new Date(),
) {
  if (actor.role !== "employer" || !actor.employerId) throw notFound("page");
  const employerId = actor.employerId;
  const [reg] = isUuid(input.registrationId)
    ? await db.select().from(s.registrations).where(eq(s.registrations.id, input.registrationId))
    : [];
  // Deny by default: only a registration in force with this employer.
  if (!reg || reg.employerId !== employerId || !(reg.status === "active" || reg.status === "suspended"))
    throw notFound("registrant");

  const fieldErrors: Record<string, Text> = {};
  if (!(CANCELLATION_REASONS as readonly string[]).includes(input.reason))
    fieldErrors.reason = say("forcedCancellation.chooseReason");
  if (!input.judgment || input.judgment.bytes.byteLength === 0)
    fieldErrors.judgment = say("forcedCancellation.uploadJudgment");
  if (Object.keys(fieldErrors).length) throw invalid(say("forcedCancellation.complete"), fieldErrors);

  const program = getProgram(reg.programCode);
  // The document is checked and stored first (F1 limits of the program); it is kept only if the filing succeeds.
  const uploaded = await uploadFile(db, actor, {
    kind: "scan",
    programCode: program.code,
    fileName: input.judgment!.fileName,
    bytes: input.judgment!.bytes,
    purpose: JUDGMENT,
  });

  const [person] = await db.select().from(s.people).where(eq(s.people.id, reg.personId));
  const [employer] = await db.select().from(s.employers).where(eq(s.employers.id, employerId));
  const created = newApplication(program, {
    id: randomUUID(),
    personId: reg.personId,
    type: "cancellation",
    specialty: reg.specialtyCode,
    route: routeFor(person!.idType, program.code),
    employerId,
    forcedCancellation: true,
    filedByEmployer: true,
  });
  if (!created.ok) throw invalid(created.reason);
  const app = created.value;
  const formData = {
    specialty: reg.specialtyCode,
    reason: input.reason,
    forced: true,
    attachments: { [JUDGMENT]: uploaded.fileId },
  };

  const stored: string[] = [];
  try {
    return await db.transaction(async (tx) => {
      // R2: the number is printed on the form being signed, so it is issued before rendering.
      const probe = acceptanceNumber(program, chinaDate(now), 1);
      const acceptanceNo = acceptanceNumber(
        program,
        chinaDate(now),
        await allocateSerial(tx, `acceptance:${probe.slice(0, -4)}`),
      );
      await tx.insert(s.applications).values({
        id: app.id,
        acceptanceNo,
        personId: app.personId,
        programCode: program.code,
        type: app.type,
        specialtyCode: app.specialty,
        route: app.route,
        registrationId: reg.id,
        employerId,
        forcedCancellation: true,
        filedByEmployer: true,
        status: "draft",
        createdAt: now,
        updatedAt: now,
      });
      await appendApplicationEvent(tx, {
        applicationId: app.id,
        actor,
        actorKind: "employer",
        action: "create",
        fromStatus: null,
        toStatus: "draft",
        payload: { title: "聘用单位创建强制注销申请" },
      });
      const saved = await transitionApplication(tx, actor, {
        applicationId: app.id,
        action: "save",
        expectedVersion: 0,
        input: { formErrors: [] },
        set: { formData },
        afterUpdate: async (t) => {
          // The person the judgment concerns may read it too.
          await t
            .update(s.files)
            .set({ state: "kept", applicationId: app.id, ownerPersonId: app.personId })
            .where(and(inArray(s.files.id, [uploaded.fileId]), eq(s.files.ownerEmployerId, employerId)));
        },
        now,
      });

      const unsigned = await renderApplicationForm(await applicationFormData(tx, saved.application, now));
      const identity = await getSigningIdentity(tx, "employer", employerId, {
        commonName: employer!.name,
        organization: employer!.name,
      });
      const signed = await signPdf(unsigned, identity, {
        role: "employer",
        name: employer!.name,
        reason: "依据仲裁裁决或法院判决申报强制注销",
        signedAt: now,
      });
      const pdf = await storeBytes(signed);
      stored.push(pdf.storageKey);
      const [form] = await tx
        .insert(s.files)
        .values({
          kind: "application_form",
          ownerPersonId: app.personId,
          ownerEmployerId: employerId,
          applicationId: app.id,
          originalName: applicationFormFileName(professionName(program), APPLICATION_TYPE_LABELS.cancellation, now),
          mimeType: "application/pdf",
          byteSize: signed.byteLength,
          sha256: pdf.sha256,
          storageKey: pdf.storageKey,
          state: "kept",
          uploadedBy: actor.userId,
        })
        .returning({ id: s.files.id });
      return await transitionApplication(tx, actor, {
        applicationId: app.id,
        action: "sign",
        expectedVersion: saved.application.version,
        input: { opinion: input.opinion?.trim() || undefined },
        set: { formPdfFileId: form!.id },
        now,
      });
    });
  } catch (e) {
    for (const key of stored) await removeBytes(key).catch(() => undefined);
    await db.delete(s.files).where(and(eq(s.files.id, uploaded.fileId), eq(s.files.state, "pending")));
    throw e;
  }
}
