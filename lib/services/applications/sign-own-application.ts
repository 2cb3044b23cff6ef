import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { statusLabel } from "@/lib/domain/application";
import { getProgram } from "@/lib/domain/programs";
import type { Actor } from "../actor";
import { notFound } from "../errors";
import { signApplicationForm } from "../documents/sign-application-form";
import { commitmentOf, wizardState } from "../people/filing-commitment";
import { toDomainApplication } from "@/db/rows/application-rows";

/**
 * 个人数字签名 from the wizard (G5, G6, G8): the commitment and the social-insurance confirmation are the ones the
 * server recorded on the draft, never what the browser says; the answer is the new status in the seeds' words.
 */
export async function signOwnApplication(
  db: Database,
  actor: Actor,
  input: { applicationId: string; version: number; code: string },
) {
  if (actor.role !== "applicant" || !actor.personId) throw notFound("application");
  const [row] = await db
    .select({ id: s.applications.id, status: s.applications.status, formData: s.applications.formData })
    .from(s.applications)
    .where(and(eq(s.applications.id, input.applicationId), eq(s.applications.personId, actor.personId)));
  if (!row || row.status === "deleted") throw notFound("application");
  const formData = (row.formData ?? {}) as Record<string, unknown>;
  const out = await signApplicationForm(db, actor, {
    applicationId: row.id,
    version: input.version,
    code: input.code,
    commitment: commitmentOf(formData),
    socialInsuranceConfirmed: !!wizardState(formData).socialInsuranceConfirmedAt,
  });
  const app = out.application;
  return {
    statusLabel: statusLabel(toDomainApplication(app), getProgram(app.programCode)),
    formPdfFileId: app.formPdfFileId,
  };
}
