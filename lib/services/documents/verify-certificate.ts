import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { findSpecialty, getProgram } from "@/lib/domain/programs";
import { chinaDate } from "@/lib/server/clock";
import { inspectUploadedCertificate } from "@/lib/server/pdf/inspect-upload";
import { getCertificateAuthority } from "@/lib/server/pki";
import { sha256 } from "@/lib/server/storage";

/**
 * The serial of the certificate issue now in force — the same value as `certificateSerial` in claim-certificate.ts
 * (tests/integration/verify checks they agree). Not imported from there: that module pulls in the PDF renderer, its
 * CJK fonts and the signer, which the public verification pages must not bundle.
 */
function currentIssueSerial(registrationId: string, updatedAt: Date): string {
  return createHash("sha256")
    .update(`${registrationId}:${updatedAt.toISOString()}`)
    .digest("hex")
    .slice(0, 16)
    .toUpperCase();
}

export type PublicCertificateStatus = "valid" | "suspended" | "expired" | "cancelled" | "superseded";
export const PUBLIC_STATUS_LABELS: Record<PublicCertificateStatus, string> = {
  valid: "有效",
  suspended: "暂停执业",
  expired: "已过有效期",
  cancelled: "已注销",
  superseded: "已换发（旧证作废）",
};

export type PublicCertificate = {
  registrationNo: string;
  status: PublicCertificateStatus;
  maskedName: string;
  gender: string;
  programName: string;
  specialty: string;
  employerName: string;
  validFrom: string;
  validTo: string;
  issuingAuthority: string;
  currentSerial: string;
  /** For a superseded number: the registration number now in force. */
  replacedBy?: string;
};

/** Only partial personal data is public: 王堃 → 王*, 欧阳娜娜 → 欧**娜. */
function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${"*".repeat(chars.length - 2)}${chars.at(-1)}`;
}

/** 证书查询: what anyone may learn about a registration number (the QR code's link or a typed number). */
export async function lookupCertificate(
  db: Database,
  registrationNo: string,
  now = new Date(),
): Promise<PublicCertificate | null> {
  const number = registrationNo.trim();
  if (!number || number.length > 40) return null;
  const [reg] = await db.select().from(s.registrations).where(eq(s.registrations.registrationNo, number));
  if (!reg) return null;
  const [person] = await db
    .select({ name: s.people.name, gender: s.people.gender })
    .from(s.people)
    .where(eq(s.people.id, reg.personId));
  const [authority] = await db
    .select({ name: s.authorities.name })
    .from(s.authorities)
    .where(eq(s.authorities.id, reg.issuingAuthorityId));
  const program = getProgram(reg.programCode);
  let replacedBy: string | undefined;
  if (reg.supersededById) {
    const [next] = await db
      .select({ no: s.registrations.registrationNo })
      .from(s.registrations)
      .where(eq(s.registrations.id, reg.supersededById));
    replacedBy = next?.no;
  }
  const status: PublicCertificateStatus =
    reg.status === "superseded"
      ? "superseded"
      : reg.status === "cancelled"
        ? "cancelled"
        : reg.validTo < chinaDate(now) || reg.status === "expired"
          ? "expired"
          : reg.status === "suspended"
            ? "suspended"
            : "valid";
  return {
    registrationNo: reg.registrationNo,
    status,
    maskedName: maskName(person?.name ?? ""),
    gender: person?.gender === "female" ? "女" : "男",
    programName: program.name,
    specialty: findSpecialty(program, reg.specialtyCode)?.name ?? reg.specialtyCode,
    employerName: reg.employerName,
    validFrom: reg.validFrom,
    validTo: reg.validTo,
    issuingAuthority: authority?.name ?? "",
    currentSerial: currentIssueSerial(reg.id, reg.updatedAt),
    replacedBy,
  };
}

/**
 * What the serial in a scanned QR code (`?c=`) says about the paper or file in the visitor's hand:
 * - current: the issue now in force;
 * - older: an issue this portal made for this registration earlier, since replaced (不是最新版本);
 * - unrecognised: never issued for this registration — a typo, a forged code or another certificate's code (无法识别).
 */
export type ScannedIssue = "current" | "older" | "unrecognised";

export async function scannedIssue(db: Database, registrationNo: string, serial: string): Promise<ScannedIssue> {
  const [reg] = await db
    .select({ id: s.registrations.id, updatedAt: s.registrations.updatedAt })
    .from(s.registrations)
    .where(eq(s.registrations.registrationNo, registrationNo.trim()));
  if (!reg) return "unrecognised";
  const code = serial.trim().toUpperCase();
  if (code === currentIssueSerial(reg.id, reg.updatedAt)) return "current";
  const [issued] = await db
    .select({ serial: s.certificateIssues.serial })
    .from(s.certificateIssues)
    .where(and(eq(s.certificateIssues.registrationId, reg.id), eq(s.certificateIssues.serial, code)));
  return issued ? "older" : "unrecognised";
}

export type UploadVerdict =
  | { ok: false; reason: string }
  | {
      ok: true;
      signatureValid: boolean;
      matchesRegister: boolean;
      isCurrentIssue: boolean;
      signer: string | null;
      certificate: PublicCertificate | null;
      problems: string[];
    };

/** 上传证书核验: the PDF's signature must chain to the portal CA and cover the whole file, and it must match the register. */
export async function verifyUploadedCertificate(db: Database, pdf: Uint8Array): Promise<UploadVerdict> {
  const ca = await getCertificateAuthority();
  const inspected = await inspectUploadedCertificate(pdf, ca.certificatePem);
  if (!inspected.ok) return inspected;
  const { reference, signatures } = inspected;
  const last = signatures.at(-1);
  const problems: string[] = [];
  const signatureValid = !!last && last.valid && last.chainsToTrustedCa && last.coversWholeDocument;
  if (!last) problems.push("文件没有数字签名");
  else {
    if (!last.digestMatches || !last.signatureValid) problems.push("文件内容在签发后被修改过");
    if (!last.chainsToTrustedCa) problems.push("签名证书不是本平台电子认证机构签发的");
    if (!last.coversWholeDocument) problems.push("签名之后文件被追加修改");
    // A malformed ByteRange / Contents alone makes the signature invalid too: never answer 签名无效 without a reason.
    if (!signatureValid && problems.length === 0) problems.push("签名数据不完整或已损坏，无法确认文件未被修改");
  }
  const certificate = await lookupCertificate(db, reference.registrationNumber);
  const [reg] = await db
    .select({ fileId: s.registrations.certificateFileId })
    .from(s.registrations)
    .where(eq(s.registrations.registrationNo, reference.registrationNumber));
  const [current] = reg?.fileId
    ? await db.select({ sha256: s.files.sha256 }).from(s.files).where(eq(s.files.id, reg.fileId))
    : [];
  const isCurrentIssue = !!current && current.sha256 === sha256(pdf);
  if (!certificate) problems.push("注册库中没有该注册编号");
  // A file altered after signing is never "the current issue"; only say so for an intact, signed older issue.
  else if (!isCurrentIssue && signatureValid)
    problems.push("这不是该注册当前有效的电子证书（可能已换发，请以查询结果为准）");
  return {
    ok: true,
    signatureValid,
    matchesRegister: !!certificate,
    isCurrentIssue,
    signer: last?.signerCommonName ?? null,
    certificate,
    problems,
  };
}
