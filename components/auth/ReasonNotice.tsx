import { getTranslations } from "next-intl/server";

const REASONS = { timeout: "warning", revoked: "warning", signedout: "success" } as const;

function isReason(value: string): value is keyof typeof REASONS {
  return Object.hasOwn(REASONS, value);
}

/** The message shown on a login page after being sent there (?reason=…), in the page's language. */
export async function ReasonNotice({ reason }: { reason?: string | string[] }) {
  const r = Array.isArray(reason) ? (reason[0] ?? "") : (reason ?? "");
  if (!isReason(r)) return null;
  const t = await getTranslations("auth.reasons");
  return (
    <div className={`alert alert-${REASONS[r]} mb-3`} role="status">
      {t(r)}
    </div>
  );
}
