import type { PublicCertificate, PublicCertificateStatus } from "@/lib/services/documents/verify-certificate";

/** What the public may see of a certificate (the register's current serial stays on the server). */
export type PublicCertificateView = Omit<PublicCertificate, "currentSerial"> & { statusLabel: string };

export type UploadCheckResponse =
  | { ok: false; error: string }
  | {
      ok: true;
      signatureValid: boolean;
      matchesRegister: boolean;
      isCurrentIssue: boolean;
      signer: string | null;
      problems: string[];
      certificate: PublicCertificateView | null;
    };

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export type { PublicCertificateStatus };
