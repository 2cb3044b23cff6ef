/**
 * What was filed stays as filed: the facts an application is about, frozen when the applicant signs, and the numbers
 * its approval issued and voided. Views and the signed PDF read these, never the person's live registration, so a
 * later change of employer, seal or validity does not rewrite what an old application says. Pure data and mapping.
 */
import type { IsoDate } from "./dates";
import type { Program, RouteCode } from "./programs/types";
import {
  CHANGE_SCOPE_LABELS,
  ID_DOCUMENT_TYPE_LABELS,
  type ApplicationType,
  type ChangeScope,
  type IdDocumentType,
} from "./types";

export interface FiledEmployer {
  readonly id: string;
  readonly name: string;
  readonly uscc: string;
  readonly provinceCode: string;
  readonly contactPhone?: string | null;
}

/** The registration the application acts on, as it stood when signed (for 变更注册: before the change). */
export interface FiledRegistration {
  readonly id: string;
  readonly registrationNumber: string;
  readonly sealNumber: string;
  readonly validFrom: IsoDate;
  readonly validUntil: IsoDate;
  readonly employerName: string;
  readonly employerUscc?: string | null;
  readonly employerProvinceCode?: string | null;
}

export interface FiledIdentity {
  readonly name: string;
  readonly gender: "male" | "female";
  readonly birthDate: IsoDate;
  readonly idType: IdDocumentType;
  readonly idNumber: string;
  readonly phone: string;
}

export interface FiledFacts {
  readonly capturedAt: string;
  readonly identity: FiledIdentity;
  /** The employer of the application: the registration's, or for 变更注册 the new employer picked in the form. */
  readonly employer: FiledEmployer | null;
  readonly registration: FiledRegistration | null;
  /** A2: names of the specialties in force in the program. */
  readonly registeredSpecialties: readonly string[];
  /** C1: derived from the old and new employers, never chosen. */
  readonly changeScope: ChangeScope | null;
}

export interface IssuedNumbers {
  readonly registrationNumber: string;
  readonly sealNumber: string;
  readonly validFrom: IsoDate;
  readonly validUntil: IsoDate;
}

/** What an approval did to the numbers, stored with the application (S1, C3, R1, K3). */
export interface ApprovalOutcome {
  readonly decidedOn: IsoDate;
  readonly issued: readonly IssuedNumbers[];
  readonly voided: readonly string[];
  readonly cancelled: readonly string[];
  readonly summary: string;
}

const GENDER_LABELS = { male: "男", female: "女" } as const;

/**
 * C1: 本省 when the old and new employers are in the same province, 跨省 otherwise; the 香港地区 route files 机构内变更.
 * `allowed` says whether the program handles that scope.
 */
export function deriveChangeScope(
  program: Pick<Program, "changeScopes">,
  route: RouteCode | undefined,
  fromProvince: string | null | undefined,
  toProvince: string,
): { scope: ChangeScope; allowed: boolean } {
  if ((route ?? "default") === "hk") return { scope: "within_institution", allowed: true };
  const scope: ChangeScope = fromProvince && fromProvince !== toProvince ? "cross_province" : "within_province";
  return { scope, allowed: program.changeScopes.includes(scope) };
}

/**
 * The value of every read-only field of the type's form (FORM_FIELDS with source account / employer / registration /
 * derived), keyed by field name — one mapping for the wizard, the employer's and reviewer's views and the PDF.
 */
export function filedFieldValues(type: ApplicationType, facts: FiledFacts): Record<string, string> {
  const id = facts.identity;
  const reg = facts.registration;
  const employerName =
    type === "add_specialty" ? (reg?.employerName ?? facts.employer?.name ?? "") : (facts.employer?.name ?? "");
  return {
    name: id.name,
    gender: GENDER_LABELS[id.gender],
    birthDate: id.birthDate,
    idType: ID_DOCUMENT_TYPE_LABELS[id.idType] ?? id.idType,
    idNumber: id.idNumber,
    phone: id.phone,
    employerName,
    employerUscc: facts.employer?.uscc ?? "",
    registrationNumber: reg?.registrationNumber ?? "",
    sealNumber: reg?.sealNumber ?? "",
    validUntil: reg?.validUntil ?? "",
    registeredSpecialties: facts.registeredSpecialties.join("、"),
    previousEmployerName: reg?.employerName ?? "",
    previousEmployerUscc: reg?.employerUscc ?? "",
    previousSealNumber: reg?.sealNumber ?? "",
    previousValidUntil: reg?.validUntil ?? "",
    scope: facts.changeScope ? CHANGE_SCOPE_LABELS[facts.changeScope] : "",
  };
}

/** Plain-Chinese lines for the decided numbers (shown on the application and printed nowhere else). */
export function outcomeLines(outcome: ApprovalOutcome): string[] {
  const lines: string[] = [];
  for (const n of outcome.issued)
    lines.push(
      `核发注册证书编号 ${n.registrationNumber}，执业印章号 ${n.sealNumber}，有效期 ${n.validFrom} 至 ${n.validUntil}`,
    );
  if (outcome.cancelled.length) lines.push(`注销注册证书 ${outcome.cancelled.join("、")}`);
  if (outcome.voided.length) lines.push(`作废编号 ${outcome.voided.join("、")}`);
  return lines;
}
