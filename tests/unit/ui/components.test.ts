// biome-ignore-all lint/correctness/noChildrenProp: these tests call createElement with typed props; children is a
// required prop there
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Alert } from "@/components/ui/Alert";
import { Field } from "@/components/ui/Field";
import { Pagination } from "@/components/ui/Pagination";
import { Table } from "@/components/ui/Table";

/** The components/ui layer keeps accessibility in one place: these are the promises the forms and lists rely on. */
const html = (el: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(el);

describe("Field", () => {
  it("ties the label to the input and shows no error attributes when there is no error", () => {
    const out = html(h(Field, { name: "uscc", label: "统一社会信用代码", required: true }));
    expect(out).toContain('<label for="uscc">统一社会信用代码<span class="req">*</span></label>');
    expect(out).toContain('id="uscc"');
    expect(out).toContain('name="uscc"');
    expect(out).not.toContain("aria-invalid");
    expect(out).not.toContain("aria-describedby");
  });

  it("marks the control invalid and has help and error read with it (aria-describedby)", () => {
    const out = html(h(Field, { name: "code", label: "机构代码", help: "小写字母或数字", error: "请填写机构代码。" }));
    expect(out).toContain('aria-invalid="true"');
    expect(out).toContain('aria-describedby="code-help code-error"');
    expect(out).toContain('<span id="code-help" class="help">小写字母或数字</span>');
    expect(out).toContain('<span id="code-error" class="field-error">请填写机构代码。</span>');
  });

  it("hands the same wiring to a custom control (select, textarea) and honours a separate id", () => {
    const out = html(
      h(Field, {
        name: "answer",
        id: "faq-1-answer",
        label: "解答",
        error: "请填写解答。",
        children: (c) => h("textarea", { ...c, className: "textarea" }),
      }),
    );
    expect(out).toContain('<label for="faq-1-answer">');
    expect(out).toContain(
      '<textarea id="faq-1-answer" name="answer" aria-invalid="true" ' +
        'aria-describedby="faq-1-answer-error" class="textarea">',
    );
  });
});

describe("Alert", () => {
  it("announces errors at once and outcomes politely; info boxes get no live role unless asked", () => {
    expect(html(h(Alert, { tone: "error", children: "x" }))).toContain('role="alert"');
    expect(html(h(Alert, { tone: "success", children: "x" }))).toContain('role="status"');
    expect(html(h(Alert, { tone: "info", children: "x" }))).not.toContain("role=");
    expect(html(h(Alert, { tone: "warning", role: "note", children: "x" }))).toContain('role="note"');
  });
});

describe("Table", () => {
  type Row = { id: string; name: string };
  const columns = [{ header: "姓名", cell: (r: Row) => r.name, className: "nowrap" }, false as const];

  it("renders column headers with scope and one row per item, skipping switched-off columns", () => {
    const out = html(
      h(Table<Row>, { columns, rows: [{ id: "1", name: "张三" }], rowKey: (r) => r.id, empty: "无", testId: "t" }),
    );
    expect(out).toContain('<th scope="col">姓名</th>');
    expect(out).toContain('<td class="nowrap">张三</td>');
    expect(out.match(/<th /g)).toHaveLength(1);
    expect(out).toContain('data-testid="t"');
  });

  it("says what to do when there are no rows instead of an empty table", () => {
    const out = html(
      h(Table<Row>, { columns, rows: [], rowKey: (r) => r.id, empty: "没有符合条件的申请，可调整查询条件后重试。" }),
    );
    expect(out).toBe('<p class="empty">没有符合条件的申请，可调整查询条件后重试。</p>');
  });
});

describe("Pagination", () => {
  it("shows only the total on a single page, and 上一页/下一页 only where such a page exists", () => {
    const href = (p: number) => `/notices?page=${p}`;
    expect(html(h(Pagination, { page: 1, total: 3, pageSize: 15, href }))).toBe('<div class="pager">共 3 条</div>');
    const middle = html(h(Pagination, { page: 2, total: 40, pageSize: 15, href }));
    expect(middle).toContain("共 40 条，第 2 / 3 页");
    expect(middle).toContain('href="/notices?page=1"');
    expect(middle).toContain('href="/notices?page=3"');
    const last = html(h(Pagination, { page: 3, total: 40, pageSize: 15, href }));
    expect(last).not.toContain("下一页");
  });
});
