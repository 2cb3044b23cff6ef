import type { ReactNode } from "react";

/** The page's h1 with its breadcrumb (menu group / item) and, on the right, the page's own buttons. */
export function PageHeader({ title, crumb, children }: { title: string; crumb?: string; children?: ReactNode }) {
  return (
    <div className="page-head">
      <div>
        {crumb ? <div className="crumb">{crumb}</div> : null}
        <h1>{title}</h1>
      </div>
      {children}
    </div>
  );
}
