"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const ITEMS = [
  { href: "/", label: "首页" },
  { href: "/notices", label: "通知公告" },
  { href: "/publicity", label: "公示公告" },
  { href: "/guide", label: "办事指南" },
  { href: "/faq", label: "常见问题" },
  { href: "/contacts", label: "联系方式" },
  { href: "/verify", label: "证书查验" },
];

export function PublicNav() {
  const path = usePathname();
  return (
    <nav className="public-nav" aria-label="网站导航">
      <ul>
        {ITEMS.map((i) => {
          const current = i.href === "/" ? path === "/" : path === i.href || path.startsWith(`${i.href}/`);
          return (
            <li key={i.href}>
              <Link href={i.href} aria-current={current ? "page" : undefined}>
                {i.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
