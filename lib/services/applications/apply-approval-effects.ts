import { and, eq, ne } from "drizzle-orm";
import type { Executor } from "@/db/client";
import * as s from "@/db/schema";
import type { Application } from "@/lib/domain/application";
import { effectsOfApproval, needsNewNumber, type RegistrationChanges } from "@/lib/domain/effects";
import type { IsoDate } from "@/lib/domain/dates";
import type { ApprovalOutcome, IssuedNumbers } from "@/lib/domain/filed-facts";
import { idNumberProblem } from "@/lib/domain/id-checksums";
import { registrationNumber } from "@/lib/domain/numbering";
import { ID_DOCUMENT_TYPES, type IdDocumentType } from "@/lib/domain/types";
import { applicantLoginName } from "@/lib/schemas/accounts";
import { HONG_KONG_PROVINCE_CODE, type Program } from "@/lib/domain/programs";
import { chinaDate } from "@/lib/server/clock";
import { refused } from "../errors";
import { allocateSerial } from "../numbering/allocate-serial";
import { findRegistrations, toRegistrationRecord, type ApplicationRow } from "@/db/rows/application-rows";

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
  const employer = app.employerId
    ? (await tx.select().from(s.employers).where(eq(s.employers.id, app.employerId)))[0]
    : undefined;
  const regs = await findRegistrations(tx, app.personId, program.code);
  const provinceCode = app.route === "hk" ? HONG_KONG_PROVINCE_CODE : (employer?.provinceCode ?? "");

  let serial: number | undefined;
  if (needsNewNumber(app, row.formData) && app.specialty) {
    // R1: one counter per number prefix; allocateSerial never hands out a value twice.
    const prefix = registrationNumber(program, {
      specialty: app.specialty,
      decisionDate: today,
      provinceCode,
      serial: 1,
    }).slice(0, -6);
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

  const before = new Map(regs.map((r) => [r.id, r]));
  const issued: IssuedNumbers[] = [];
  const cancelled: string[] = [];
  if (effects.createRegistration) {
    const r = effects.createRegistration;
    issued.push({
      registrationNumber: r.registrationNumber,
      sealNumber: r.sealNumber,
      validFrom: r.validFrom,
      validUntil: r.validUntil,
    });
  }
  for (const update of effects.updateRegistrations) {
    await updateRegistration(tx, update.registrationId, update.changes, app.id, now);
    const old = before.get(update.registrationId);
    const c = update.changes;
    if (!old) continue;
    if (c.status === "cancelled") cancelled.push(old.registrationNo);
    if (c.registrationNumber || c.sealNumber || c.validUntil || c.certificateReissuedOn) {
      issued.push({
        registrationNumber: c.registrationNumber ?? old.registrationNo,
        sealNumber: c.sealNumber ?? old.sealNo,
        validFrom: (c.validFrom ?? old.validFrom) as IsoDate,
        validUntil: (c.validUntil ?? old.validTo) as IsoDate,
      });
    }
  }
  const outcome: ApprovalOutcome = {
    decidedOn: today,
    issued,
    voided: [...effects.voidedNumbers],
    cancelled,
    summary: effects.summary,
  };
  await tx.update(s.applications).set({ outcome }).where(eq(s.applications.id, app.id));

  // C3 + G3: an approved 变更注册 is the one way a registered person's employer changes.
  if (app.type === "change" && employer) {
    await tx
      .update(s.people)
      .set({ employerId: employer.id, employmentStart: today, updatedAt: now })
      .where(eq(s.people.id, app.personId));
  }

  if (effects.updatePerson) await applyIdentityChange(tx, app.personId, person!, effects.updatePerson, now);
  return effects.summary;
}

/**
 * N2/N3: the person's record takes the approved values; the login follows the identity document (the person signs
 * in with the new type and number, not the old) and the account's display name follows the name.
 */
async function applyIdentityChange(
  tx: Executor,
  personId: string,
  person: typeof s.people.$inferSelect,
  update: Readonly<Record<string, string>>,
  now: Date,
) {
  const changes: Record<string, string> = {};
  for (const k of PERSON_FIELDS) if (update[k] !== undefined) changes[k] = update[k]!;
  if (Object.keys(changes).length === 0) return;
  if (changes.idType !== undefined && !(ID_DOCUMENT_TYPES as readonly string[]).includes(changes.idType)) {
    throw refused("无法办结：变更后证件类型不是可选的证件类型之一，请退回申请人补正。");
  }
  const idType = (changes.idType ?? person.idType) as IdDocumentType;
  const idNumber = (changes.idNumber ?? person.idNumber).trim().toUpperCase();
  if (changes.idType !== undefined || changes.idNumber !== undefined) {
    const problem = idNumberProblem(idType, idNumber);
    if (problem) throw refused(`无法办结：变更后证件号不正确（${problem}）请退回申请人补正。`);
    const [other] = await tx
      .select({ id: s.people.id })
      .from(s.people)
      .where(and(eq(s.people.idType, idType), eq(s.people.idNumber, idNumber), ne(s.people.id, personId)));
    if (other) throw refused("无法办结：变更后证件号已属于平台上的另一人员，请退回申请人核实。");
    changes.idNumber = idNumber;
  }
  await tx
    .update(s.people)
    .set({ ...changes, updatedAt: now })
    .where(eq(s.people.id, personId));
  const account = {
    ...(changes.idType !== undefined || changes.idNumber !== undefined
      ? { loginName: applicantLoginName(idType, idNumber) }
      : {}),
    ...(changes.name ? { displayName: changes.name } : {}),
  };
  if (Object.keys(account).length)
    await tx.update(s.userAccounts).set(account).where(eq(s.userAccounts.personId, personId));
}

/**
 * A new registration number supersedes the old row (S1), so old certificates still verify as 已作废; other changes are in
 * place.
 */
async function updateRegistration(
  tx: Executor,
  id: string,
  changes: RegistrationChanges,
  applicationId: string,
  now: Date,
) {
  const [current] = await tx.select().from(s.registrations).where(eq(s.registrations.id, id));
  if (!current) throw new Error(`registration ${id} not found`);
  let employerName = current.employerName;
  if (changes.employerId && changes.employerId !== current.employerId) {
    const [e] = await tx
      .select({ name: s.employers.name })
      .from(s.employers)
      .where(eq(s.employers.id, changes.employerId));
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
      .values({
        ...rest,
        ...columns,
        ...reprint,
        registrationNo: changes.registrationNumber,
        issuedAt: now,
        sourceApplicationId: applicationId,
        supersededById: null,
      })
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
