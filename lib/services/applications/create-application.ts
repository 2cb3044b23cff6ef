import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { newApplication } from "@/lib/domain/application";
import { checkOption } from "@/lib/domain/eligibility";
import { getProgram } from "@/lib/domain/programs";
import { registrationInForce } from "@/lib/domain/registration";
import type { ApplicationType, InfoChangeKind } from "@/lib/domain/types";
import { chinaDate } from "@/lib/server/clock";
import type { Actor } from "../actor";
import { appendApplicationEvent } from "../audit/append-event";
import { notFound, refused, say, joined } from "../errors";
import { reasonText } from "./eligibility-text";
import { loadPersonSnapshot } from "@/db/rows/application-rows";

export type CreateApplicationInput = {
  programCode: string;
  type: ApplicationType;
  specialtyCode: string | null;
  subtype?: string | null;
  forcedCancellation?: boolean;
  infoChangeKind?: InfoChangeKind | null;
};

/**
 * 新增注册申请: the engine's eligibility decides whether the person may file this type and specialty today; refused
 * options come back with the engine's reasons. An unfinished draft of the same kind is resumed, not duplicated.
 */
export async function createApplication(db: Database, actor: Actor, input: CreateApplicationInput, now = new Date()) {
  if (actor.role !== "applicant" || !actor.personId) throw notFound("page");
  const personId = actor.personId;
  const program = getProgram(input.programCode);
  const today = chinaDate(now);

  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: s.applications.id })
      .from(s.applications)
      .where(
        and(
          eq(s.applications.personId, personId),
          eq(s.applications.programCode, program.code),
          eq(s.applications.type, input.type),
          inArray(s.applications.status, ["draft", "returned"]),
          input.specialtyCode === null ? undefined : eq(s.applications.specialtyCode, input.specialtyCode),
        ),
      )
      .limit(1);
    if (existing) return { applicationId: existing.id, resumed: true };

    const snapshot = await loadPersonSnapshot(tx, personId, program.code);
    const option = checkOption(snapshot, program, input.type, input.specialtyCode, today);
    if (!option.allowed)
      throw refused(
        say("eligibility.cannotFile", { reasons: joined(option.reasons.map((r) => reasonText(program, r))) }),
      );

    const [person] = await tx.select().from(s.people).where(eq(s.people.id, personId));
    const target = input.specialtyCode
      ? registrationInForce(snapshot.registrations, program.code, input.specialtyCode, today)
      : snapshot.registrations.find(
          (r) => r.programCode === program.code && (r.status === "active" || r.status === "suspended"),
        );
    // The employer of a registered person's application is the registration's (a 变更注册 picks its new one in the
    // form); only a person without a registration files with the employer chosen in the profile.
    const held =
      target ??
      snapshot.registrations.find(
        (r) => r.programCode === program.code && (r.status === "active" || r.status === "suspended"),
      );
    const created = newApplication(program, {
      id: randomUUID(),
      personId,
      type: input.type,
      specialty: input.specialtyCode,
      route: snapshot.route,
      employerId: held?.employerId || person!.employerId,
      forcedCancellation: input.forcedCancellation,
      infoChangeKind: input.infoChangeKind,
      socialInsuranceAnomaly: person!.socialInsuranceAnomaly,
    });
    if (!created.ok) throw refused(created.reason);
    const app = created.value;

    await tx.insert(s.applications).values({
      id: app.id,
      personId,
      programCode: program.code,
      type: app.type,
      subtype: input.subtype ?? null,
      specialtyCode: app.specialty,
      route: app.route,
      registrationId: target?.id ?? null,
      employerId: app.employerId,
      forcedCancellation: app.forcedCancellation,
      infoChangeKind: app.infoChangeKind,
      socialInsuranceAnomaly: app.socialInsuranceAnomaly,
      status: "draft",
      createdAt: now,
      updatedAt: now,
    });
    await appendApplicationEvent(tx, {
      applicationId: app.id,
      actor,
      actorKind: "applicant",
      action: "create",
      fromStatus: null,
      toStatus: "draft",
      payload: { title: "创建申请", overdue: option.overdue },
    });
    return { applicationId: app.id, resumed: false };
  });
}
