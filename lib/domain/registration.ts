/** Registration (certificate) records and the person-level facts the engine reasons about. */
import { compareDates, type IsoDate } from "./dates";
import type { ProgramCode } from "./programs/types";
import type { EmployerKind, RegistrationStatus } from "./types";

export interface RegistrationRecord {
  readonly id: string;
  readonly personId: string;
  readonly programCode: ProgramCode;
  readonly specialty: string;
  readonly registrationNumber: string;
  readonly sealNumber: string;
  /** Issue sequence of the current seal (numbering.sealNumber). */
  readonly sealSequence: number;
  readonly employerId: string;
  /** Province of the employer on the certificate; decides 本省/跨省 change scope (C1). */
  readonly employerProvinceCode?: string;
  readonly status: RegistrationStatus;
  readonly validFrom: IsoDate;
  readonly validUntil: IsoDate;
}

export interface Qualification {
  readonly programCode: ProgramCode;
  readonly specialty: string;
  /** 签发日期 (or 批准日期 when there is none, `002` §3.1.1). */
  readonly issuedOn: IsoDate;
  /** Province code where the qualification was obtained (资格取得所在地); null for national exams. */
  readonly provinceCode: string | null;
  readonly certificateNumber?: string;
}

export interface CeRecord {
  readonly date: IsoDate;
  readonly compulsoryHours: number;
  readonly electiveHours: number;
  /** Specialty the hours count for; null = counts for every specialty (CECA-linked general courses). */
  readonly specialty: string | null;
  readonly provider?: string;
}

export interface EmployerSnapshot {
  readonly id: string;
  readonly name: string;
  readonly kind: EmployerKind;
  readonly provinceCode: string;
  /** G3: found in the system through 验证企业名称 (USCC verified). */
  readonly verified: boolean;
}

/** A registration that is in force today: active or suspended, and not past its validity. */
export function isInForce(r: RegistrationRecord, today: IsoDate): boolean {
  return (r.status === "active" || r.status === "suspended") && compareDates(r.validUntil, today) >= 0;
}

/** The in-force registration of one specialty, if any (there is at most one, see the property tests). */
export function registrationInForce(
  regs: readonly RegistrationRecord[],
  programCode: string,
  specialty: string,
  today: IsoDate,
): RegistrationRecord | undefined {
  return regs.find((r) => r.programCode === programCode && r.specialty === specialty && isInForce(r, today));
}
