/**
 * Streaming .xlsx writer (exceljs WorkbookWriter): each row is committed to the zip stream as soon as it is added,
 * so memory stays flat however many rows the export has. Runs on the server only (no Excel code reaches the browser).
 */
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";

export type XlsxColumn<T> = { header: string; width: number; value: (row: T) => string | Date | number | null };

/** Writes the rows to `out` and ends it; resolves once the workbook is complete. Respects backpressure. */
export async function writeXlsx<T>(
  out: Writable,
  sheetName: string,
  columns: readonly XlsxColumn<T>[],
  rows: AsyncIterable<T>,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let n = 0;
  for await (const row of rows) {
    sheet.addRow(columns.map((c) => c.value(row))).commit();
    n += 1;
    // Let the reader catch up instead of buffering the whole compressed file in the stream.
    if (out.writableNeedDrain) await new Promise<void>((resolve) => out.once("drain", resolve));
  }
  sheet.commit();
  await workbook.commit();
  return n;
}
