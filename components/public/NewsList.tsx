import Link from "next/link";
import { formatDate } from "./dates";

export function NewsList({
  items,
  empty,
}: {
  items: { href: string; title: string; when: Date | string | null }[];
  empty: string;
}) {
  if (!items.length) return <p className="help">{empty}</p>;
  return (
    <ul className="news-list">
      {items.map((i) => (
        <li key={i.href}>
          <Link href={i.href}>{i.title}</Link>
          <span className="when">{formatDate(i.when)}</span>
        </li>
      ))}
    </ul>
  );
}
