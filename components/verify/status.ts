import type { PublicCertificateStatus } from "@/lib/services/documents/verify-upload-result";

export type Tone = "ok" | "warn" | "bad";

/** Colour of a public status: green only for 有效. */
export const STATUS_TONE: Record<PublicCertificateStatus, Tone> = {
  valid: "ok",
  suspended: "warn",
  expired: "warn",
  cancelled: "bad",
  superseded: "bad",
};

/** One sentence under the badge saying what the status means for someone relying on the certificate. */
export const STATUS_EXPLANATION: Record<PublicCertificateStatus, string> = {
  valid: "该注册证书在有效期内，处于正常执业状态。",
  suspended: "该注册人员目前暂停执业，暂停期间不得以注册人员名义执业。",
  expired: "该注册证书已超过有效期，持证人需办理延续注册后方可继续执业。",
  cancelled: "该注册已被注销，此证书不再具有效力。",
  superseded: "该证书已换发，旧证书作废，请以新注册编号的证书为准。",
};
