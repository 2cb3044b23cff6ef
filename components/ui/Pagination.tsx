import Link from "next/link";

export const PAGE_SIZE = 20;

/** 1-based page number from ?page=, clamped to ≥ 1. */
export function pageParam(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

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
  if (total <= pageSize && page === 1) return <div className="pager">共 {total} 条</div>;
  return (
    <nav className="pager" aria-label="分页">
      <span>
        共 {total} 条，第 {Math.min(page, pages)} / {pages} 页
      </span>
      {page > 1 ? (
        <Link className="btn btn-secondary btn-sm" href={href(page - 1)}>
          上一页
        </Link>
      ) : null}
      {page < pages ? (
        <Link className="btn btn-secondary btn-sm" href={href(page + 1)}>
          下一页
        </Link>
      ) : null}
    </nav>
  );
}
