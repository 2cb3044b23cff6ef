"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export interface MenuItem {
  label: string;
  /** Absent for entries whose feature is not built yet: shown disabled with “（建设中）”. */
  href?: string;
  badge?: number;
  children?: MenuItem[];
}

/** The menu's own words, from the server (shellTexts); client components never load next-intl. */
export type NavTexts = { label: string; underConstruction: string; underConstructionTitle: string; unread: string };

function isActive(pathname: string, href: string, exact: boolean) {
  return exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
}

function Item({
  item,
  pathname,
  homeHref,
  texts,
}: {
  item: MenuItem;
  pathname: string;
  homeHref: string;
  texts: NavTexts;
}) {
  if (!item.href) {
    return (
      <li>
        <span className="disabled" aria-disabled="true" title={texts.underConstructionTitle}>
          {item.label}
          <span className="tag">{texts.underConstruction}</span>
        </span>
      </li>
    );
  }
  // The home link and links with deeper siblings (基本信息查看 vs 基本信息修改) match exactly.
  const exact = item.href === homeHref || item.href.endsWith("/profile");
  const active = isActive(pathname, item.href, exact);
  return (
    <li>
      <Link href={item.href} aria-current={active ? "page" : undefined}>
        <span>{item.label}</span>
        {item.badge ? (
          <span className="badge">
            {item.badge}
            <span className="visually-hidden">{texts.unread}</span>
          </span>
        ) : null}
      </Link>
    </li>
  );
}

export function SideNav({ items, homeHref, texts }: { items: MenuItem[]; homeHref: string; texts: NavTexts }) {
  const pathname = usePathname();
  return (
    <nav className="sidenav" aria-label={texts.label}>
      <ul>
        {items.map((item) =>
          item.children ? (
            <li key={item.label}>
              <div className="group-title">{item.label}</div>
              <ul className="nested">
                {item.children.map((c) => (
                  <Item key={c.label} item={c} pathname={pathname} homeHref={homeHref} texts={texts} />
                ))}
              </ul>
            </li>
          ) : (
            <Item key={item.label} item={item} pathname={pathname} homeHref={homeHref} texts={texts} />
          ),
        )}
      </ul>
    </nav>
  );
}
