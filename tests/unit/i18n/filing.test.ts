import { describe, expect, it } from "vitest";
import {
  APPLICATION_STATUSES,
  FORM_FIELDS,
  PROGRAMS,
  checkOption,
  statusLabel,
  validateApplicationForm,
  type Application,
} from "@/lib/domain";
import { messagesFor } from "@/lib/i18n/catalog";
import {
  applicantStatusText,
  attachmentLabel,
  fieldLabel,
  fieldProblemText,
  localizeField,
  outcomeText,
  programName,
  reasonText,
} from "@/lib/i18n/filing";
import { outcomeLines } from "@/lib/domain/filed-facts";
import { fill } from "@/lib/i18n/fill";
import { act, atFirstAuthority, authority, draft, person, reg } from "../domain/fixtures";

/** English of the filing pages (issue 14 item 4): made from codes, Chinese output unchanged. */
const cost1 = PROGRAMS.cost1;
const sh = PROGRAMS["cost2-sh"];
const CJK = /[\u4e00-\u9fff]/;

describe("the applicant's status text in English (statusLabel() equivalent)", () => {
  it("follows the application through the review chain, naming the level and its stage", () => {
    let a = atFirstAuthority(cost1);
    expect(applicantStatusText("en", a, cost1)).toBe("Provincial authority: not yet accepted");
    a = act(a, "accept", authority(1), cost1);
    expect(applicantStatusText("en", a, cost1)).toBe("Provincial authority: under first review");
    a = act(a, "forward", authority(1), cost1);
    expect(applicantStatusText("en", a, cost1)).toBe("Ministry: not yet accepted");
    a = act(a, "accept", authority(2), cost1);
    expect(applicantStatusText("en", a, cost1)).toBe("Ministry: under approval");
  });

  it("is statusLabel() itself for Chinese readers, and never Chinese in English, for every status", () => {
    const base = draft(sh);
    for (const status of APPLICATION_STATUSES) {
      const a: Application = { ...base, status };
      expect(applicantStatusText("zh-CN", a, sh)).toBe(statusLabel(a, sh));
      const en = applicantStatusText("en", a, sh);
      expect(en, status).not.toMatch(CJK);
      expect(en, status).not.toBe("");
    }
    expect(applicantStatusText("en", draft(sh), sh)).toBe("Not filed (draft)");
    expect(applicantStatusText("en", { ...base, status: "approved", type: "cancellation" }, sh)).toBe(
      "Completed (cancellation approved)",
    );
    expect(applicantStatusText("en", { ...base, status: "approved", type: "suspension" }, sh)).toBe(
      "Completed (suspension of practice approved)",
    );
  });
});

describe("the wizard's field problems carry a code, said in either language", () => {
  const empty = validateApplicationForm(sh, "initial", { specialty: "1" }, { overdue: false });

  it("keeps the Chinese message exactly, and every problem has a code", () => {
    const required = empty.find((e) => e.field === "qualificationMethod")!;
    expect(required.message).toBe("「获取执业资格方式」为必填项");
    expect(required.problem).toEqual({ code: "required", field: "qualificationMethod" });
    for (const e of empty) {
      expect(e.problem, e.field).toBeDefined();
      expect(fieldProblemText("zh-CN", { type: "initial", program: sh }, e)).toBe(e.message);
    }
  });

  it("names the field, column and attachment in English", () => {
    const say = (e: (typeof empty)[number]) => fieldProblemText("en", { type: "initial", program: sh }, e);
    const byField = (f: string) => say(empty.find((e) => e.field === f)!);
    expect(byField("qualificationMethod")).toBe("Please fill in \u201cHow the qualification was obtained\u201d.");
    expect(byField("attachments.labour_contract")).toBe("Please upload \u201cScan of the employment contract\u201d.");
    expect(byField("attachments.application_form")).toMatch(/^Print the saved application form, .*stamped/);
    for (const e of empty) expect(say(e), e.field).not.toMatch(CJK);

    const rows = validateApplicationForm(
      sh,
      "initial",
      { specialty: "1", achievements: [{ year: -1, project: "", duty: "x" }] },
      { overdue: false },
    );
    const cell = rows.find((e) => e.field === "achievements[0].project")!;
    expect(cell.message).toBe("第1行「项目名称」为必填项");
    expect(say(cell)).toBe("Row 1: please fill in \u201cProject name\u201d.");
    const negative = rows.find((e) => e.field === "achievements[0].year")!;
    expect(negative.message).toBe("「年度」须为非负数");
    expect(say(negative)).toBe("\u201cYear\u201d must be a number of 0 or more.");
    expect(say(rows.find((e) => e.field === "achievements")!)).toBe(
      "Fill in at least 3 row(s) of \u201cMain work achievements (last three years, at least one per year)\u201d.",
    );
  });

  it("says the problems of 信息变更 (N2/N3) in English", () => {
    const ctx = { type: "info_change" as const, program: sh };
    const none = validateApplicationForm(sh, "info_change", { kind: "basic" }, { overdue: false });
    expect(none.map((e) => fieldProblemText("en", ctx, e))).toContain("Fill in at least one item to change.");
    const badId = validateApplicationForm(
      sh,
      "info_change",
      { kind: "important", newIdType: "resident_id", newIdNumber: "123", reason: "x" },
      { overdue: false },
    );
    const id = badId.find((e) => e.field === "newIdNumber")!;
    expect(id.message).toMatch(CJK);
    expect(fieldProblemText("en", ctx, id)).toBe(
      "The new ID document number is not valid for a Resident Identity Card; check it and enter it again.",
    );
  });
});

describe("form fields, options and attachments by code", () => {
  it("has an English name for every field and table column of every type's form", () => {
    for (const [type, fields] of Object.entries(FORM_FIELDS))
      for (const f of fields) {
        const en = localizeField("en", type as keyof typeof FORM_FIELDS, f);
        expect(en.label, `${type}.${f.name}`).not.toMatch(CJK);
        for (const c of en.columns ?? []) expect(c.label, `${type}.${f.name}.${c.name}`).not.toMatch(CJK);
        for (const o of en.options ?? []) expect(o.label, `${type}.${f.name}=${o.value}`).not.toMatch(CJK);
        for (const v of Object.values(en.deriveFrom?.values ?? {})) expect(v, `${type}.${f.name}`).not.toMatch(CJK);
        expect(localizeField("zh-CN", type as keyof typeof FORM_FIELDS, f)).toBe(f);
      }
    expect(fieldLabel("en", "cancellation", { name: "reason", label: "注销原因" })).toBe("Reason for cancellation");
  });

  it("keeps option values (stored Chinese) and names them in English", () => {
    const method = localizeField("en", "initial", FORM_FIELDS.initial.find((f) => f.name === "qualificationMethod")!);
    expect(method.options).toEqual([
      { value: "考试", label: "Examination" },
      { value: "特许", label: "Special grant" },
      { value: "考核认定", label: "Assessment" },
      { value: "资格互认", label: "Mutual recognition" },
    ]);
  });

  it("names every attachment of every programme in English", () => {
    for (const program of Object.values(PROGRAMS))
      for (const [type, list] of Object.entries(program.attachments))
        for (const a of list ?? [])
          expect(attachmentLabel("en", type as keyof typeof FORM_FIELDS, a.code, a.label), a.code).not.toMatch(CJK);
    expect(programName("en", sh)).toBe("Class 2 Cost Engineer (上海市)");
    expect(programName("zh-CN", sh)).toBe("二级造价工程师（上海市）");
  });
});

describe("eligibility explanations of 新增注册申请", () => {
  it("carry a code for every reason and note, said in English without Chinese words of their own", () => {
    const today = "2026-01-10";
    const people = [
      person(),
      person({ employer: null, photoOnFile: false, socialInsuranceAnomaly: true }),
      person({ registrations: [reg()] }),
      person({ registrations: [reg({ status: "suspended" })] }),
    ];
    let seen = 0;
    for (const program of [sh, cost1])
      for (const p of people)
        for (const type of ["initial", "extension", "change", "add_specialty", "suspension", "info_change"] as const) {
          const specialty = ["suspension", "info_change"].includes(type) ? null : program.specialties[0]!.code;
          const o = checkOption(p, program, type, specialty, today);
          for (const r of [...o.reasons, ...o.notes]) {
            seen += 1;
            expect(r.code, r.message).toBeDefined();
            expect(reasonText("zh-CN", program, r)).toBe(r.message);
            // Names of people, companies and provinces are data; the sentence itself is English.
            const en = reasonText("en", program, r);
            const data = Object.values(r.values ?? {})
              .map(String)
              .filter((v) => CJK.test(v));
            // The programme's province (上海市) is data too.
            const sentence = data.reduce((s: string, v) => s.replaceAll(v, ""), en).replaceAll("上海市", "");
            expect(sentence, r.message).not.toMatch(CJK);
          }
        }
    expect(seen).toBeGreaterThan(10);
  });

  it("names the employer's kind and the type in English", () => {
    const o = checkOption(person({ employer: null }), sh, "initial", "1", "2026-01-10");
    const noEmployer = o.reasons.find((r) => r.code === "no_employer")!;
    expect(reasonText("en", sh, noEmployer)).toBe(messagesFor("en").filing.reason.no_employer);
    expect(reasonText("en", sh, { message: "x", code: "type_not_offered", values: { type: "reissue" } })).toBe(
      "Class 2 Cost Engineer (上海市) does not handle certificate reissue (replacement).",
    );
  });
});

describe("fill", () => {
  it("fills named placeholders and leaves unknown ones", () => {
    expect(fill("Row {n} {label} {x}", { n: 2, label: "Year" })).toBe("Row 2 Year {x}");
  });
});

describe("the decision on 申请详情 (issue 14 item 4)", () => {
  const outcome = {
    decidedOn: "2026-11-30",
    summary: "准予注册，注册编号 建[造]11268100000001，有效期至 2030-11-29",
    issued: [
      {
        registrationNumber: "建[造]11268100000001",
        sealNumber: "建[造]11268100000001-01",
        validFrom: "2026-11-30",
        validUntil: "2030-11-29",
      },
    ],
    cancelled: ["建[造]11258100000009"],
    voided: [],
  };

  it("Chinese readers see what the decision stored; English readers the same numbers in English", () => {
    expect(outcomeText("zh-CN", "initial", outcome)).toEqual({
      summary: outcome.summary,
      lines: outcomeLines(outcome),
    });
    const en = outcomeText("en", "initial", outcome);
    expect(en.summary).toBe("Initial registration approved");
    expect(en.lines).toEqual([
      "Registration certificate no. 建[造]11268100000001 issued, practice seal no. 建[造]11268100000001-01, valid " +
        "2026-11-30 to 2030-11-29",
      "Registration certificate(s) cancelled: 建[造]11258100000009",
    ]);
  });
});
