import Link from "next/link";

/**
 * Keyset pagination (the queues never use OFFSET): 下一页 carries the cursor of the last row shown; 返回第一页 drops it.
 * `href(cursor)` keeps the other query parameters.
 */
export function KeysetPager({ shown, nextCursor, atFirst, href }: { shown: number; nextCursor: string | null; atFirst: boolean; href: (cursor: string | null) => string }) {
  return (
    <nav className="pager" aria-label="分页">
      <span>本页 {shown} 条</span>
      {!atFirst ? (
        <Link className="btn btn-secondary btn-sm" href={href(null)}>
          返回第一页
        </Link>
      ) : null}
      {nextCursor ? (
        <Link className="btn btn-secondary btn-sm" href={href(nextCursor)}>
          下一页
        </Link>
      ) : null}
    </nav>
  );
}

/** Builds `path?…` from the current filters, without empty values. */
export function queryHref(path: string, params: Record<string, string | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
