import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { APPLICATION_TYPE_LABELS } from "@/lib/domain/application-types";
import { getProgram } from "@/lib/domain/programs";
import { applicationFormFileName, renderApplicationForm } from "@/lib/server/pdf/application-form";
import type { Actor } from "../actor";
import { notFound, refused, say } from "../errors";
import { applicationFormData } from "./application-form-data";
import { isUuid } from "@/lib/domain/ids";

/**
 * 申请表预览 before 个人数字签名 (`002` §3.1.1.6): the form exactly as it will be signed, from the data last saved,
 * unsigned and not stored. Only the applicant sees their own draft (deny by default → not found).
 */
export async function previewApplicationForm(db: Database, actor: Actor, applicationId: string, now = new Date()) {
  if (actor.role !== "applicant" || !actor.personId || !isUuid(applicationId)) throw notFound("application");
  const [app] = await db.select().from(s.applications).where(eq(s.applications.id, applicationId));
  if (!app || app.personId !== actor.personId || app.status === "deleted") throw notFound("application");
  if (app.status !== "draft" && app.status !== "returned") throw refused(say("documents.alreadySigned"));
  const program = getProgram(app.programCode);
  const bytes = await renderApplicationForm(await applicationFormData(db, app, now));
  return {
    bytes,
    fileName: `预览_${applicationFormFileName(program.name, APPLICATION_TYPE_LABELS[app.type], now)}`,
  };
}
