/** Electronic certificates (R3) and employer renames (R4). */
import { isInFlight } from "./application";
import { findSpecialty } from "./programs";
import type { Program } from "./programs/types";
import type { RegistrationRecord } from "./registration";
import type { ApplicationStatus } from "./types";

export interface CertificatePerson {
  readonly name: string;
  readonly gender: string;
  readonly birthDate: string;
  readonly signatureFileId: string;
}

/** R3: the fields printed on the e-certificate (`002` §4), in print order. */
export function certificateFields(
  program: Program,
  person: CertificatePerson,
  reg: RegistrationRecord,
  employerName: string,
  issuedOn: string,
  signedOn: string | null,
): ReadonlyArray<readonly [label: string, value: string]> {
  return [
    ["姓名", person.name],
    ["性别", person.gender],
    ["出生日期", person.birthDate],
    ["注册编号", reg.registrationNumber],
    ["聘用企业", employerName],
    ["注册专业", findSpecialty(program, reg.specialty)?.name ?? reg.specialty],
    ["有效期至", reg.validUntil],
    ["发证机关", program.issuingAuthority],
    ["个人签名", person.signatureFileId],
    ["签发日期", issuedOn],
    ["签名日期", signedOn ?? ""],
  ];
}

/** R3: 领证 — 未领证 → 生成中 → 可下载. */
export const CLAIM_STATUSES = ["unclaimed", "generating", "downloadable"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  unclaimed: "未领证",
  generating: "生成中",
  downloadable: "可下载",
};
export function nextClaimStatus(s: ClaimStatus): ClaimStatus {
  return s === "unclaimed" ? "generating" : "downloadable";
}

/**
 * R4: an employer rename (批量变更) is refused while any of its staff has an application under approval (`BJ`);
 * otherwise every in-force certificate naming the employer must be re-claimed.
 */
export function employerRename(
  employerId: string,
  applications: readonly {
    readonly id: string;
    readonly employerId: string | null;
    readonly status: ApplicationStatus;
  }[],
  registrations: readonly RegistrationRecord[],
):
  | { readonly ok: true; readonly reissue: readonly string[] }
  | { readonly ok: false; readonly reason: string; readonly blocking: readonly string[] } {
  const blocking = applications.filter((a) => a.employerId === employerId && isInFlight(a.status)).map((a) => a.id);
  if (blocking.length > 0)
    return { ok: false, reason: `本单位尚有 ${blocking.length} 项注册申请未办结，办结后才能变更企业名称`, blocking };
  return {
    ok: true,
    reissue: registrations
      .filter((r) => r.employerId === employerId && (r.status === "active" || r.status === "suspended"))
      .map((r) => r.id),
  };
}
