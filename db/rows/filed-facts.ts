/**
 * The facts an application is about, read from the live records while it is a draft and frozen into
 * `applications.filed` when it is signed (what was filed stays as filed). Every view and the signed PDF go through
 * `factsOf`, so none of them reads the person's live registration once the application is signed.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import * as s from "@/db/schema";
import type { IsoDate } from "@/lib/domain/dates";
import type { PersonSnapshot } from "@/lib/domain/eligibility";
import {
  deriveChangeScope,
  type FiledEmployer,
  type FiledFacts,
  type FiledRegistration,
} from "@/lib/domain/filed-facts";
import { findSpecialty, getProgram, type RouteCode } from "@/lib/domain/programs";
import type { EmployerKind } from "@/lib/domain/types";
import { loadPersonSnapshot, type ApplicationRow } from "./application-rows";

type Row = Pick<
  ApplicationRow,
  "personId" | "programCode" | "type" | "registrationId" | "employerId" | "route" | "formData" | "filed"
>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 变更注册: the employer picked in the form (验证企业名称); null until one is picked. */
export function pickedNewEmployerId(row: Pick<ApplicationRow, "type" | "formData">): string | null {
  const v = row.type === "change" ? row.formData.newEmployerId : undefined;
  return typeof v === "string" && UUID.test(v) ? v : null;
}

async function employerRow(db: Executor, id: string | null | undefined) {
  if (!id) return undefined;
  const [e] = await db.select().from(s.employers).where(eq(s.employers.id, id));
  return e;
}

const asFiledEmployer = (e: typeof s.employers.$inferSelect): FiledEmployer => ({
  id: e.id,
  name: e.name,
  uscc: e.uscc,
  provinceCode: e.provinceCode,
  contactPhone: e.contactPhone ?? null,
});

/** The facts as they stand now (a draft shows these; signing stores them). */
export async function liveFacts(db: Executor, row: Row, now = new Date()): Promise<FiledFacts> {
  const program = getProgram(row.programCode);
  const [[person], inForce] = await Promise.all([
    db.select().from(s.people).where(eq(s.people.id, row.personId)),
    db
      .select()
      .from(s.registrations)
      .where(
        and(
          eq(s.registrations.personId, row.personId),
          eq(s.registrations.programCode, row.programCode),
          inArray(s.registrations.status, ["active", "suspended"]),
        ),
      ),
  ]);
  if (!person) throw new Error(`person ${row.personId} missing`);
  // 增项注册 acts on the registration already held (A1/A2); the others on the one they were created for.
  const reg = row.registrationId
    ? (inForce.find((r) => r.id === row.registrationId) ??
      (await db.select().from(s.registrations).where(eq(s.registrations.id, row.registrationId)))[0])
    : row.type === "add_specialty"
      ? inForce[0]
      : undefined;
  const employerId = row.type === "change" ? (pickedNewEmployerId(row) ?? null) : row.employerId;
  const [employer, regEmployer] = await Promise.all([employerRow(db, employerId), employerRow(db, reg?.employerId)]);
  const registration: FiledRegistration | null = reg
    ? {
        id: reg.id,
        registrationNumber: reg.registrationNo,
        sealNumber: reg.sealNo,
        validFrom: reg.validFrom as IsoDate,
        validUntil: reg.validTo as IsoDate,
        employerName: reg.employerName,
        employerUscc: regEmployer?.uscc ?? null,
        employerProvinceCode: reg.employerProvinceCode ?? regEmployer?.provinceCode ?? null,
      }
    : null;
  return {
    capturedAt: now.toISOString(),
    identity: {
      name: person.name,
      gender: person.gender,
      birthDate: person.birthDate as IsoDate,
      idType: person.idType,
      idNumber: person.idNumber,
      phone: person.phone,
    },
    employer: employer ? asFiledEmployer(employer) : null,
    registration,
    registeredSpecialties: inForce.map((r) => findSpecialty(program, r.specialtyCode)?.name ?? r.specialtyCode),
    changeScope:
      row.type === "change" && employer
        ? deriveChangeScope(program, row.route as RouteCode, registration?.employerProvinceCode, employer.provinceCode)
            .scope
        : null,
  };
}

/** What the application says: the stored snapshot once signed, the live facts before. */
export async function factsOf(db: Executor, row: Row): Promise<FiledFacts> {
  return row.filed ?? liveFacts(db, row);
}

/**
 * The engine's snapshot for judging this application: for 变更注册 the employer is the one picked in the form (C2),
 * and while none is picked the checks that need it wait.
 */
export async function snapshotForApplication(
  db: Executor,
  row: Pick<ApplicationRow, "personId" | "programCode" | "type" | "formData">,
): Promise<PersonSnapshot> {
  return withPickedEmployer(db, await loadPersonSnapshot(db, row.personId, row.programCode), row);
}

/** 变更注册 is judged against the employer picked in its form (C2); other types keep the snapshot as loaded. */
export async function withPickedEmployer(
  db: Executor,
  snapshot: PersonSnapshot,
  row: Pick<ApplicationRow, "type" | "formData">,
): Promise<PersonSnapshot> {
  if (row.type !== "change") return snapshot;
  const picked = await employerRow(db, pickedNewEmployerId(row));
  if (!picked) return { ...snapshot, newEmployerPending: true };
  return {
    ...snapshot,
    newEmployerPending: false,
    employer: {
      id: picked.id,
      name: picked.name,
      kind: picked.kind as EmployerKind,
      provinceCode: picked.provinceCode,
      verified: true,
    },
  };
}
