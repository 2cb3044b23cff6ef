/**
 * A small flow-layout helper over pdf-lib for form-like documents: wrapped text, label/value grids and tables that
 * paginate (repeating their header row), with a callback to draw the running header on every new page.
 */
import {
  fill,
  fillAndStroke,
  type PDFDocument,
  type PDFFont,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  type RGB,
  rgb,
  setFillingColor,
  setLineWidth,
  setStrokingColor,
  stroke,
} from "pdf-lib";
import { assertCovered, type DocumentFonts } from "./fonts";

export const A4 = { width: 595.28, height: 841.89 } as const;

export const COLORS = {
  text: rgb(0.1, 0.1, 0.12),
  muted: rgb(0.42, 0.44, 0.48),
  line: rgb(0.45, 0.47, 0.52),
  labelFill: rgb(0.93, 0.94, 0.96),
  accent: rgb(0.07, 0.26, 0.52),
  seal: rgb(0.75, 0.1, 0.1),
} as const;

/**
 * A filled and/or bordered rectangle at page coordinates: `q`, the colours, `w`, `re`, paint, `Q` — 11 numbers where
 * `page.drawRectangle` writes 36 (it translates, rotates and skews every rectangle) after checking each of its
 * options. A form draws one per table cell, and every number costs a PDFNumber and its text (issue 12 item 5).
 */
function drawBox(
  page: PDFPage,
  box: { x: number; y: number; width: number; height: number; color?: RGB; borderColor?: RGB; borderWidth?: number },
): void {
  const { color, borderColor, borderWidth = 1 } = box;
  page.pushOperators(
    pushGraphicsState(),
    ...(color ? [setFillingColor(color)] : []),
    ...(borderColor ? [setStrokingColor(borderColor), setLineWidth(borderWidth)] : []),
    rectangle(box.x, box.y, box.width, box.height),
    color && borderColor ? fillAndStroke() : color ? fill() : stroke(),
    popGraphicsState(),
  );
}

/**
 * Width of `text` in `font` at `size` points. Fonts embedded by fonts.ts cache the shaping of every text per face
 * (wrapText measures each growing line prefix; the declarations, labels and table headers recur in every form).
 */
export function textWidth(font: PDFFont, text: string, size: number): number {
  return font.widthOfTextAtSize(text, size);
}

/**
 * Splits `text` into lines no wider than `maxWidth`. CJK text breaks between any two characters; runs of Latin
 * letters/digits are kept together when they fit on a line. Explicit newlines are honoured.
 */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, "\n").split("\n")) {
    const tokens = paragraph.match(/[A-Za-z0-9@._\-/:%+]+|\s+|./gu) ?? [];
    let line = "";
    for (const token of tokens) {
      const candidate = line + token;
      if (textWidth(font, candidate, size) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line.trim()) out.push(line.trimEnd());
      line = token.trim() ? token : "";
      // A single token wider than the line (long ID, URL): hard-break it by character.
      while (textWidth(font, line, size) > maxWidth && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && textWidth(font, line.slice(0, cut), size) > maxWidth) cut--;
        out.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    out.push(line.trimEnd());
  }
  return out;
}

export interface Cell {
  readonly text: string;
  readonly kind?: "label" | "value";
  /** Number of grid columns this cell spans (default 1). */
  readonly span?: number;
  readonly align?: "left" | "center";
}

export interface TableColumn {
  readonly title: string;
  /** Relative width; columns share the table width in proportion. */
  readonly weight: number;
  readonly align?: "left" | "center";
}

export interface FlowOptions {
  readonly margin?: { top: number; right: number; bottom: number; left: number };
  /** Draws the running header of a new page (not the first) and returns the y where content starts. */
  readonly onContinuationPage?: (page: PDFPage, pageIndex: number) => number;
  readonly fontSize?: number;
}

export class FlowWriter {
  readonly margin: { top: number; right: number; bottom: number; left: number };
  readonly fontSize: number;
  page: PDFPage;
  y: number;

  constructor(
    readonly pdf: PDFDocument,
    readonly fonts: DocumentFonts,
    private readonly options: FlowOptions = {},
  ) {
    this.margin = options.margin ?? { top: 42, right: 42, bottom: 48, left: 42 };
    this.fontSize = options.fontSize ?? 9.5;
    this.page = pdf.addPage([A4.width, A4.height]);
    this.y = A4.height - this.margin.top;
  }

  get left(): number {
    return this.margin.left;
  }
  get right(): number {
    return A4.width - this.margin.right;
  }
  get width(): number {
    return this.right - this.left;
  }
  get lineHeight(): number {
    return this.fontSize * 1.45;
  }

  addPage(): void {
    this.page = this.pdf.addPage([A4.width, A4.height]);
    const index = this.pdf.getPageCount() - 1;
    this.y = this.options.onContinuationPage?.(this.page, index) ?? A4.height - this.margin.top;
  }

  /** Starts a new page unless `height` points still fit above the bottom margin. */
  ensure(height: number): void {
    if (this.y - height < this.margin.bottom) this.addPage();
  }

  space(height: number): void {
    this.y -= height;
  }

  text(
    text: string,
    x: number,
    y: number,
    opts: { size?: number; bold?: boolean; color?: RGB; page?: PDFPage } = {},
  ): void {
    assertCovered(this.fonts, text, opts.bold);
    (opts.page ?? this.page).drawText(text, {
      x,
      y,
      size: opts.size ?? this.fontSize,
      font: opts.bold ? this.fonts.bold : this.fonts.regular,
      color: opts.color ?? COLORS.text,
    });
  }

  centered(text: string, y: number, opts: { size?: number; bold?: boolean; color?: RGB } = {}): void {
    const size = opts.size ?? this.fontSize;
    const font = opts.bold ? this.fonts.bold : this.fonts.regular;
    this.text(text, (A4.width - textWidth(font, text, size)) / 2, y, opts);
  }

  /** A section heading with an accent bar, kept together with at least `keepWith` points of what follows. */
  section(title: string, keepWith = 40): void {
    const size = 11;
    this.ensure(size + 10 + keepWith);
    this.y -= size + 4;
    drawBox(this.page, { x: this.left, y: this.y - 2, width: 3, height: size + 2, color: COLORS.accent });
    this.text(title, this.left + 8, this.y, { size, bold: true, color: COLORS.accent });
    this.y -= 8;
  }

  /** Wrapped paragraph; paginates line by line. */
  paragraph(text: string, opts: { size?: number; indent?: number; color?: RGB; bold?: boolean } = {}): void {
    const size = opts.size ?? this.fontSize;
    const indent = opts.indent ?? 0;
    const lh = size * 1.55;
    for (const line of wrapText(text, opts.bold ? this.fonts.bold : this.fonts.regular, size, this.width - indent)) {
      this.ensure(lh);
      this.y -= lh;
      this.text(line, this.left + indent, this.y + (lh - size) / 2, { size, color: opts.color, bold: opts.bold });
    }
  }

  private rowLayout(columns: readonly number[], row: readonly Cell[], x0: number, size: number) {
    const pad = 4;
    let col = 0;
    let x = x0;
    const cells = row.map((cell) => {
      const span = cell.span ?? 1;
      const w = columns.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      const font = this.fonts.regular;
      const lines = wrapText(cell.text, font, size, w - 2 * pad);
      const placed = { cell, x, w, lines };
      x += w;
      return placed;
    });
    const lh = size * 1.4;
    const height = Math.max(size * 2.3, ...cells.map((c) => c.lines.length * lh + 2 * pad + 2));
    return { cells, height, lh, pad };
  }

  private drawRow(layout: ReturnType<FlowWriter["rowLayout"]>, top: number, size: number, header = false): void {
    const { cells, height, lh, pad } = layout;
    for (const { cell, x, w, lines } of cells) {
      const shade = header || cell.kind === "label" ? COLORS.labelFill : undefined;
      drawBox(this.page, {
        x,
        y: top - height,
        width: w,
        height,
        color: shade,
        borderColor: COLORS.line,
        borderWidth: 0.6,
      });
      const block = lines.length * lh;
      let ty = top - (height - block) / 2 - lh + (lh - size) / 2 + size * 0.12;
      for (const line of lines) {
        const font = header ? this.fonts.bold : this.fonts.regular;
        assertCovered(this.fonts, line, header);
        const lw = textWidth(font, line, size);
        const center = header || cell.kind === "label" || cell.align === "center";
        const tx = center ? x + (w - lw) / 2 : x + pad;
        this.page.drawText(line, { x: tx, y: ty, size, font, color: COLORS.text });
        ty -= lh;
      }
    }
  }

  /**
   * A bordered grid: `columns` are absolute widths (summing to the grid width), each row a list of cells that may
   * span columns. Rows never split; a row that does not fit moves to the next page. Returns [top, bottom] y.
   */
  grid(
    columns: readonly number[],
    rows: readonly (readonly Cell[])[],
    opts: { x?: number; size?: number } = {},
  ): { top: number; bottom: number } {
    const size = opts.size ?? this.fontSize;
    const x0 = opts.x ?? this.left;
    const top = this.y;
    for (const row of rows) {
      const layout = this.rowLayout(columns, row, x0, size);
      this.ensure(layout.height);
      this.drawRow(layout, this.y, size);
      this.y -= layout.height;
    }
    return { top, bottom: this.y };
  }

  /** A table with a header row repeated on every page it spans. Empty `rows` draws a single "无" row. */
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[], opts: { size?: number } = {}): void {
    const size = opts.size ?? this.fontSize - 0.5;
    const total = columns.reduce((a, c) => a + c.weight, 0);
    const widths = columns.map((c) => (c.weight / total) * this.width);
    const header = this.rowLayout(
      widths,
      columns.map((c) => ({ text: c.title, align: "center" as const })),
      this.left,
      size,
    );
    const drawHeader = () => {
      this.drawRow(header, this.y, size, true);
      this.y -= header.height;
    };
    const body = rows.length ? rows : [columns.map((_, i) => (i === 0 ? "无" : ""))];
    let first = true;
    for (const row of body) {
      const layout = this.rowLayout(
        widths,
        row.map((text, i) => ({ text, align: columns[i]?.align ?? "left" })),
        this.left,
        size,
      );
      if (first) {
        this.ensure(header.height + layout.height);
        drawHeader();
        first = false;
      } else if (this.y - layout.height < this.margin.bottom) {
        this.addPage();
        drawHeader();
      }
      this.drawRow(layout, this.y, size);
      this.y -= layout.height;
    }
  }

  /** "第 n 页 共 m 页" centred in the bottom margin of every page. */
  pageNumbers(): void {
    const pages = this.pdf.getPages();
    pages.forEach((page, i) => {
      const label = `第 ${i + 1} 页  共 ${pages.length} 页`;
      const size = 8;
      this.text(label, (A4.width - textWidth(this.fonts.regular, label, size)) / 2, this.margin.bottom / 2 - 2, {
        size,
        color: COLORS.muted,
        page,
      });
    });
  }
}
