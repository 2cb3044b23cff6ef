import type { ReactNode } from "react";

export type AlertTone = "error" | "success" | "info" | "warning";

/**
 * A message box. Errors are announced at once (role="alert"), outcomes politely (role="status"); info and warning
 * boxes are part of the page and get no live role unless one is passed (e.g. "note").
 */
export function Alert({
  tone,
  role,
  testId,
  className,
  children,
}: {
  tone: AlertTone;
  role?: "alert" | "status" | "note" | "none";
  testId?: string;
  className?: string;
  children: ReactNode;
}) {
  const live = role ?? (tone === "error" ? "alert" : tone === "success" ? "status" : undefined);
  return (
    <div
      className={`alert alert-${tone}${className ? ` ${className}` : ""}`}
      role={live === "none" ? undefined : live}
      data-testid={testId}
    >
      {children}
    </div>
  );
}
