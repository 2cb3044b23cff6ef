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

function isActive(pathname: string, href: string, exact: boolean) {
  return exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
}

function Item({ item, pathname, homeHref }: { item: MenuItem; pathname: string; homeHref: string }) {
  if (!item.href) {
    return (
      <li>
        <span className="disabled" aria-disabled="true" title="该功能建设中，暂不可用">
          {item.label}
          <span className="tag">（建设中）</span>
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
            <span className="visually-hidden">条未读</span>
          </span>
        ) : null}
      </Link>
    </li>
  );
}

export function SideNav({ items, homeHref }: { items: MenuItem[]; homeHref: string }) {
  const pathname = usePathname();
  return (
    <nav className="sidenav" aria-label="功能菜单">
      <ul>
        {items.map((item) =>
          item.children ? (
            <li key={item.label}>
              <div className="group-title">{item.label}</div>
              <ul className="nested">
                {item.children.map((c) => (
                  <Item key={c.label} item={c} pathname={pathname} homeHref={homeHref} />
                ))}
              </ul>
            </li>
          ) : (
            <Item key={item.label} item={item} pathname={pathname} homeHref={homeHref} />
          ),
        )}
      </ul>
    </nav>
  );
}
