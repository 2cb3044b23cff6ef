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
