import type { ReactNode } from "react";

export type Column<Row> = {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Cell class: "nowrap" (dates, numbers), "ops" (several links stacked), "category" (a wide first column). */
  className?: string;
  testId?: string;
  /** A fixed width for short columns (status, time, actions); the rest share what is left. */
  width?: "5em" | "7em" | "9em" | "11em";
};

/**
 * A list table (scrolls sideways on narrow screens) or, with no rows, the sentence saying so — which should tell the
 * person what to do next (e.g. "可调整查询条件后重试").
 */
export function Table<Row>({
  columns,
  rows,
  rowKey,
  empty,
  testId,
  label,
  rowTestId,
  rowClassName,
}: {
  columns: (Column<Row> | null | false)[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  empty: ReactNode;
  testId?: string;
  /** An accessible name when the page has several tables. */
  label?: string;
  rowTestId?: (row: Row) => string;
  rowClassName?: (row: Row) => string | undefined;
}) {
  if (!rows.length) return <p className="empty">{empty}</p>;
  const cols = columns.filter((c): c is Column<Row> => Boolean(c));
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId} aria-label={label}>
        <thead>
          <tr>
            {cols.map((c, i) => (
              // A table's columns are a fixed list; their order never changes
              // biome-ignore lint/suspicious/noArrayIndexKey: see the comment above
              <th key={i} scope="col" className={c.width ? `w-${c.width}` : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)} className={rowClassName?.(r)} data-testid={rowTestId?.(r)}>
              {cols.map((c, i) => (
                // A table's columns are a fixed list; their order never changes
                // biome-ignore lint/suspicious/noArrayIndexKey: see the comment above
                <td key={i} className={c.className} data-testid={c.testId}>
                  {c.cell(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
