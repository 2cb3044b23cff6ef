import { Pager } from "./Pager";

/** The pager's words; server pages pass them from pagerTexts() (components/shell/texts.ts). Chinese by default. */
export type PagerTexts = {
  label: string;
  total: (total: number) => string;
  totalPaged: (total: number, page: number, pages: number) => string;
  previous: string;
  next: string;
};

const ZH: PagerTexts = {
  label: "分页",
  total: (total) => `共 ${total} 条`,
  totalPaged: (total, page, pages) => `共 ${total} 条，第 ${page} / ${pages} 页`,
  previous: "上一页",
  next: "下一页",
};

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
  texts = ZH,
}: {
  page: number;
  total: number;
  pageSize?: number;
  /** Builds the link for a page (keeps the other query parameters). */
  href: (page: number) => string;
  texts?: PagerTexts;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total <= pageSize && page === 1) return <Pager summary={texts.total(total)} links={[]} label={texts.label} />;
  return (
    <Pager
      summary={texts.totalPaged(total, Math.min(page, pages), pages)}
      label={texts.label}
      links={[
        page > 1 && { label: texts.previous, href: href(page - 1) },
        page < pages && { label: texts.next, href: href(page + 1) },
      ]}
    />
  );
}
