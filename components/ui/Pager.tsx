import Link from "next/link";
import type { ReactNode } from "react";

/** The row under a list: how much is shown, and links to the neighbouring pages (only those that exist). */
export function Pager({
  summary,
  links,
  label = "分页",
}: {
  summary: ReactNode;
  /** The navigation's accessible name (分页 / Pages). */
  label?: string;
  links: ({ label: string; href: string } | null | false)[];
}) {
  const shown = links.filter((l): l is { label: string; href: string } => Boolean(l));
  if (!shown.length) return <div className="pager">{summary}</div>;
  return (
    <nav className="pager" aria-label={label}>
      <span>{summary}</span>
      {shown.map((l) => (
        <Link key={l.label} className="btn btn-secondary btn-sm" href={l.href}>
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
