"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const ITEMS = [
  { href: "/", key: "home" },
  { href: "/notices", key: "notices" },
  { href: "/publicity", key: "publicity" },
  { href: "/guide", key: "guide" },
  { href: "/faq", key: "faq" },
  { href: "/contacts", key: "contacts" },
  { href: "/verify", key: "verify" },
] as const;

export type PublicNavLabels = Record<(typeof ITEMS)[number]["key"], string>;

/** The public site's menu; its words come from the layout in the page's language (no next-intl in the browser). */
export function PublicNav({ label, labels }: { label: string; labels: PublicNavLabels }) {
  const path = usePathname();
  return (
    <nav className="public-nav" aria-label={label}>
      <ul>
        {ITEMS.map((i) => {
          const current = i.href === "/" ? path === "/" : path === i.href || path.startsWith(`${i.href}/`);
          return (
            <li key={i.href}>
              <Link href={i.href} aria-current={current ? "page" : undefined}>
                {labels[i.key]}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
