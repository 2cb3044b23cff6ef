import { Pager } from "./Pager";

export const PAGE_SIZE = 20;

/** 1-based page number from ?page=, clamped to ≥ 1. */
export function pageParam(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** Numbered pages (public lists, admin lists): 共 N 条，第 p / n 页 with 上一页 / 下一页. */
export function Pagination({
  page,
  total,
  pageSize = PAGE_SIZE,
  href,
}: {
  page: number;
  total: number;
  pageSize?: number;
  /** Builds the link for a page (keeps the other query parameters). */
  href: (page: number) => string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total <= pageSize && page === 1) return <Pager summary={`共 ${total} 条`} links={[]} />;
  return (
    <Pager
      summary={`共 ${total} 条，第 ${Math.min(page, pages)} / ${pages} 页`}
      links={[
        page > 1 && { label: "上一页", href: href(page - 1) },
        page < pages && { label: "下一页", href: href(page + 1) },
      ]}
    />
  );
}
