import type { PublicCertificateStatus } from "@/lib/services/documents/verify-upload-result";
import { STATUS_TONE } from "./status";
import styles from "./verify.module.css";

export function StatusBadge({
  status,
  label,
  small = false,
}: {
  status: PublicCertificateStatus;
  label: string;
  small?: boolean;
}) {
  const tone = STATUS_TONE[status];
  return (
    <span
      className={`${styles.badge} ${styles[`badge-${tone}`]} ${small ? styles.badgeSmall : ""}`}
      data-testid="certificate-status"
      data-status={status}
    >
      {label}
    </span>
  );
}
