import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import * as s from "@/db/schema";
import type { Application } from "@/lib/domain/application";
import { effectsOfApproval, needsNewNumber, type RegistrationChanges } from "@/lib/domain/effects";
import { registrationNumber } from "@/lib/domain/numbering";
import { HONG_KONG_PROVINCE_CODE, type Program } from "@/lib/domain/programs";
import { chinaDate } from "@/lib/server/clock";
import { refused } from "../errors";
import { allocateSerial } from "../numbering/allocate-serial";
import { findRegistrations, toRegistrationRecord, type ApplicationRow } from "./records";

/** Person fields an approved information change may overwrite (N2, N3); anything else the engine returns is ignored. */
const PERSON_FIELDS = ["name", "idType", "idNumber", "education", "graduationDate", "school", "major"] as const;

/**
 * Applies what approval means (R1 numbers, X4 validity, C3 employer, K3 cancellation, S1 reissue, U1, N3) inside the
 * approving transaction. If the engine refuses, the approval itself is rolled back.
 * Returns the plain-Chinese summary for the timeline.
 */
export async function applyApprovalEffects(
  tx: Executor,
  program: Program,
  app: Application,
  row: ApplicationRow,
  decidingAuthorityId: string | null,
  now: Date,
): Promise<string> {
  const today = chinaDate(now);
  const [person] = await tx.select().from(s.people).where(eq(s.people.id, app.personId));
  const employer = app.employerId ? (await tx.select().from(s.employers).where(eq(s.employers.id, app.employerId)))[0] : undefined;
  const regs = await findRegistrations(tx, app.personId, program.code);
  const provinceCode = app.route === "hk" ? HONG_KONG_PROVINCE_CODE : (employer?.provinceCode ?? "");

  let serial: number | undefined;
  if (needsNewNumber(app, row.formData) && app.specialty) {
    // R1: one counter per number prefix; allocateSerial never hands out a value twice.
    const prefix = registrationNumber(program, { specialty: app.specialty, decisionDate: today, provinceCode, serial: 1 }).slice(0, -6);
    serial = await allocateSerial(tx, `registration:${prefix}`);
  }
  const result = effectsOfApproval(app, program, {
    decisionDate: today,
    birthDate: person!.birthDate,
    registrations: regs.map(toRegistrationRecord),
    employer: { id: employer?.id ?? "", provinceCode },
    formData: row.formData,
    serial,
  });
  if (!result.ok) throw refused(`无法办结：${result.reason}`);
  const effects = result.effects;
  const issuer = decidingAuthorityId ?? (await issuingAuthority(tx, program, provinceCode));

  if (effects.createRegistration) {
    const r = effects.createRegistration;
    const [created] = await tx
      .insert(s.registrations)
      .values({
        personId: r.personId,
        programCode: r.programCode,
        specialtyCode: r.specialty,
        registrationNo: r.registrationNumber,
        sealNo: r.sealNumber,
        sealSequence: r.sealSequence,
        employerId: r.employerId,
        employerName: employer?.name ?? "",
        employerProvinceCode: r.employerProvinceCode,
        issuingAuthorityId: issuer,
        validFrom: r.validFrom,
        validTo: r.validUntil,
        status: r.status,
        issuedAt: now,
        sourceApplicationId: app.id,
      })
      .returning({ id: s.registrations.id });
    await tx.update(s.applications).set({ registrationId: created!.id }).where(eq(s.applications.id, app.id));
  }

  for (const update of effects.updateRegistrations) {
    await updateRegistration(tx, update.registrationId, update.changes, app.id, now);
  }

  if (effects.updatePerson) {
    const changes: Record<string, string> = {};
    for (const k of PERSON_FIELDS) if (effects.updatePerson[k] !== undefined) changes[k] = effects.updatePerson[k]!;
    if (Object.keys(changes).length > 0) {
      await tx.update(s.people).set({ ...changes, updatedAt: now }).where(eq(s.people.id, app.personId));
      if (changes.idType || changes.idNumber) {
        // N3: the login follows the identity document.
        const idType = changes.idType ?? person!.idType;
        const idNumber = (changes.idNumber ?? person!.idNumber).toUpperCase();
        await tx
          .update(s.userAccounts)
          .set({ loginName: `${idType}:${idNumber}` })
          .where(eq(s.userAccounts.personId, app.personId));
      }
    }
  }
  return effects.summary;
}

/** A new registration number supersedes the old row (S1), so old certificates still verify as 已作废; other changes are in place. */
async function updateRegistration(tx: Executor, id: string, changes: RegistrationChanges, applicationId: string, now: Date) {
  const [current] = await tx.select().from(s.registrations).where(eq(s.registrations.id, id));
  if (!current) throw new Error(`registration ${id} not found`);
  let employerName = current.employerName;
  if (changes.employerId && changes.employerId !== current.employerId) {
    const [e] = await tx.select({ name: s.employers.name }).from(s.employers).where(eq(s.employers.id, changes.employerId));
    employerName = e?.name ?? employerName;
  }
  const columns = {
    ...(changes.sealNumber ? { sealNo: changes.sealNumber } : {}),
    ...(changes.sealSequence ? { sealSequence: changes.sealSequence } : {}),
    ...(changes.employerId ? { employerId: changes.employerId, employerName } : {}),
    ...(changes.employerProvinceCode ? { employerProvinceCode: changes.employerProvinceCode } : {}),
    ...(changes.status ? { status: changes.status } : {}),
    ...(changes.validFrom ? { validFrom: changes.validFrom } : {}),
    ...(changes.validUntil ? { validTo: changes.validUntil } : {}),
  };
  // Anything printed on the certificate changed: the holder must claim a new e-certificate (领证).
  const reprint = { certificateState: "unclaimed" as const, certificateFileId: null, updatedAt: now };

  if (changes.registrationNumber && changes.registrationNumber !== current.registrationNo) {
    await tx.update(s.registrations).set({ status: "superseded", updatedAt: now }).where(eq(s.registrations.id, id));
    const { id: _old, createdAt: _c, ...rest } = current;
    const [created] = await tx
      .insert(s.registrations)
      .values({ ...rest, ...columns, ...reprint, registrationNo: changes.registrationNumber, issuedAt: now, sourceApplicationId: applicationId, supersededById: null })
      .returning({ id: s.registrations.id });
    await tx.update(s.registrations).set({ supersededById: created!.id }).where(eq(s.registrations.id, id));
    return;
  }
  const printed = changes.sealNumber || changes.employerId || changes.validUntil || changes.certificateReissuedOn;
  await tx
    .update(s.registrations)
    .set({ ...columns, ...(printed ? reprint : { updatedAt: now }) })
    .where(eq(s.registrations.id, id));
}

async function issuingAuthority(tx: Executor, program: Program, provinceCode: string): Promise<string> {
  const all = await tx.select().from(s.authorities);
  const j = program.jurisdiction;
  const found =
    j.kind === "provincial"
      ? all.find((a) => a.level === "provincial" && a.provinceCode === j.provinceCode)
      : (all.find((a) => a.level === "ministry") ?? all.find((a) => a.provinceCode === provinceCode));
  if (!found) throw refused("未找到发证机构，无法办结。请联系平台管理员。");
  return found.id;
}
