import { describe, expect, it } from "vitest";
import {
  checkWizardForm,
  formPath,
  sameForm,
  type WizardForm,
  withoutRow,
} from "@/components/applicant/wizard/form-model";
import type { WizardField } from "@/lib/queries/applicant-wizard";
import { HOSTILE_TEXT_MESSAGE } from "@/lib/schemas/common";

const APP = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
const FILE = "00000000-0000-0000-0000-000000000001";
const fields = [
  { name: "fullName", label: "姓名", kind: "text", source: "account" },
  { name: "employerPhone", label: "企业联系电话", kind: "text", source: "input" },
  { name: "applicantOpinion", label: "申请人员意见", kind: "boolean", source: "input" },
  {
    name: "ce",
    label: "继续教育",
    kind: "table",
    source: "input",
    columns: [
      { name: "course", label: "课程名称", kind: "text", source: "input" },
      { name: "hours", label: "学时", kind: "number", source: "input" },
    ],
  },
] as WizardField[];
const check = (form: WizardForm) => checkWizardForm(fields, form);

describe("the wizard's form runs on the save action's schema (issue 8 item 2)", () => {
  it("hands 保存 exactly what the save action takes: input fields only, typed numbers as numbers, file ids", async () => {
    const res = await check({
      applicationId: APP,
      version: 3,
      values: {
        fullName: "张三",
        employerPhone: " 021-1 ",
        applicantOpinion: true,
        ce: [{ course: "计价", hours: "16" }],
      },
      files: { id_document: { id: FILE, name: "a.jpg", byteSize: 10 }, labour_contract: null },
    });
    expect(res.problems).toEqual({});
    expect(res.input).toEqual({
      applicationId: APP,
      version: 3,
      values: { employerPhone: " 021-1 ", applicantOpinion: true, ce: [{ course: "计价", hours: 16 }] },
      attachments: { id_document: FILE },
    });
  });

  const title1 =
    "V5.2.2 refuses unreadable text before sending, under the input that holds it (a table cell keeps its " + "row)";
  it(title1, async () => {
    const res = await check({
      applicationId: APP,
      version: 3,
      values: {
        employerPhone: "021\u0000",
        ce: [
          { course: "ok", hours: "" },
          { course: "\uD800", hours: "" },
        ],
      },
      files: {},
    });
    expect(res.problems).toEqual({
      "values.employerPhone": HOSTILE_TEXT_MESSAGE,
      "values.ce.1.course": HOSTILE_TEXT_MESSAGE,
    });
  });

  it("puts each problem the server reports under the input the form shows it with", () => {
    expect(formPath("employerPhone")).toBe("values.employerPhone");
    expect(formPath("ce[2].hours")).toBe("values.ce.2.hours");
    expect(formPath("attachments.application_form")).toBe("files.application_form");
  });

  it("shows a refused upload under its attachment, where the server's answer goes too", async () => {
    const res = await check({
      applicationId: APP,
      version: 3,
      values: {},
      files: { id_document: { id: "not-an-id", name: "a.jpg", byteSize: 10 } },
    });
    expect(Object.keys(res.problems)).toEqual(["files.id_document"]);
  });
});

describe("the wizard's form state (replaces react-hook-form, issue 12 item 4)", () => {
  it("is unchanged when an input is typed in and emptied again, or a box ticked and unticked", () => {
    const saved = { values: { ce: [{ course: "计价" }] }, files: { a: null } };
    expect(sameForm(saved, { values: { ce: [{ course: "计价", hours: "" }], note: "", ok: false }, files: {} })).toBe(
      true,
    );
    expect(sameForm(saved, { values: { ce: [{ course: "计价" }], note: "x" }, files: { a: null } })).toBe(false);
    expect(sameForm(saved, { values: { ce: [] }, files: { a: null } })).toBe(false);
    expect(sameForm(saved, { values: { ce: [{ course: "计价" }, {}] }, files: { a: null } })).toBe(false);
    const file = { id: FILE, name: "a.jpg", byteSize: 1 };
    expect(sameForm(saved, { values: { ce: [{ course: "计价" }] }, files: { a: file } })).toBe(false);
  });

  it("moves a table's messages up with their rows when a row is removed", () => {
    const problems = {
      "values.ce.0.course": "a",
      "values.ce.1.course": "b",
      "values.ce.2.hours": "c",
      "values.ce": "table",
      "values.cert.2.no": "other table",
      "values.employerPhone": "field",
    };
    expect(withoutRow(problems, "ce", 1)).toEqual({
      "values.ce.0.course": "a",
      "values.ce.1.hours": "c",
      "values.ce": "table",
      "values.cert.2.no": "other table",
      "values.employerPhone": "field",
    });
  });
});
