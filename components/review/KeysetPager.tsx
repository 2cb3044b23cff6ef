import { Pager } from "@/components/ui/Pager";

/**
 * Keyset pagination (the queues never use OFFSET): 下一页 carries the cursor of the last row shown; 返回第一页 drops it.
 * `href(cursor)` keeps the other query parameters.
 */
export function KeysetPager({
  shown,
  nextCursor,
  atFirst,
  href,
}: {
  shown: number;
  nextCursor: string | null;
  atFirst: boolean;
  href: (cursor: string | null) => string;
}) {
  return (
    <Pager
      summary={`本页 ${shown} 条`}
      links={[
        !atFirst && { label: "返回第一页", href: href(null) },
        nextCursor ? { label: "下一页", href: href(nextCursor) } : null,
      ]}
    />
  );
}

/** Builds `path?…` from the current filters, without empty values. */
export function queryHref(path: string, params: Record<string, string | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
