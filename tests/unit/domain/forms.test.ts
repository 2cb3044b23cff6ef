import { describe, expect, it } from "vitest";
import {
  APPLICATION_TYPES,
  APPLICATION_TYPE_LABELS,
  DIRECTLY_EDITABLE_PERSON_FIELDS,
  FORM_FIELDS,
  PROGRAMS,
  applicationPdfName,
  checkUpload,
  signedDocumentsAvailable,
  describeForm,
  validateApplicationForm,
} from "@/lib/domain";

const sh = PROGRAMS["cost2-sh"];
const sd = PROGRAMS["survey-design"];
const field = (type: keyof typeof FORM_FIELDS, name: string) => FORM_FIELDS[type].find((f) => f.name === name);

const validInitial = {
  employerPhone: "021-12345678",
  specialty: "1",
  qualificationMethod: "考试",
  workExperience: [{ from: "2015-07-01", organisation: "上海建和", role: "造价员" }],
  achievements: [
    { year: 2023, project: "A", duty: "编制预算" },
    { year: 2024, project: "B", duty: "审核结算" },
    { year: 2025, project: "C", duty: "全过程造价" },
  ],
  applicantOpinion: true,
};
const allAttachments = {
  application_form: "f",
  qualification_certificate: "f",
  labour_contract: "f",
  id_document: "f",
};

describe("forms", () => {
  it("T: every application type has a Chinese label and a form", () => {
    expect(APPLICATION_TYPES.map((t) => APPLICATION_TYPE_LABELS[t])).toEqual([
      "初始注册",
      "延续注册",
      "变更注册",
      "增项注册",
      "注销注册",
      "证书补办（更改补办）",
      "暂停执业",
      "恢复执业",
      "信息变更",
    ]);
    for (const t of APPLICATION_TYPES) expect(FORM_FIELDS[t].length).toBeGreaterThan(5);
  });

  it("G10: identity fields come from the verified account in every form", () => {
    for (const t of APPLICATION_TYPES)
      for (const name of ["name", "gender", "birthDate", "idType", "idNumber", "phone"])
        expect(field(t, name)?.source).toBe("account");
    // typed identity values are ignored by validation (never required from input)
    expect(validateApplicationForm(sh, "initial", validInitial, { overdue: false }, allAttachments)).toEqual([]);
  });

  it("G8: server-side validation on save reports each problem in Chinese", () => {
    const errors = validateApplicationForm(
      sh,
      "initial",
      { ...validInitial, employerPhone: "", achievements: [] },
      { overdue: false },
      {},
    );
    expect(errors.map((e) => e.message)).toEqual([
      "「企业联系电话」为必填项",
      "「主要工作业绩（近三年，每年不少于一项）」为必填项",
      "请打印已保存的申请表，加盖单位公章后上传「盖章申请表扫描件」，再次保存",
      "请上传「执业资格证书扫描件」",
      "请上传「劳动合同扫描件」",
      "请上传「身份证件扫描件」",
    ]);
  });

  it("G1: the form accepts one specialty of the program only", () => {
    const errors = validateApplicationForm(
      sh,
      "initial",
      { ...validInitial, specialty: "1,4" },
      { overdue: false },
      allAttachments,
    );
    expect(errors).toEqual([
      {
        field: "specialty",
        message: "「1,4」不是二级造价工程师（上海市）的注册专业（每次只能申请一个专业）",
        rule: "G1",
        problem: { code: "not_a_specialty", field: "specialty", value: "1,4" },
      },
    ]);
  });

  it("G5: the 申请人员意见 box must be ticked", () => {
    const errors = validateApplicationForm(
      sh,
      "initial",
      { ...validInitial, applicantOpinion: false },
      { overdue: false },
      allAttachments,
    );
    expect(errors.map((e) => e.rule)).toEqual(["G5"]);
  });

  it("I2: overdue filings must carry CE rows (专业类别, 必修学时, 选修学时, 培训日期, 培训机构)", () => {
    const ce = field("initial", "overdueCe");
    expect(ce?.columns?.map((c) => c.label)).toEqual([
      "专业类别",
      "必修课（学时）",
      "选修课（学时）",
      "培训日期",
      "培训机构",
    ]);
    const missing = validateApplicationForm(
      sh,
      "initial",
      validInitial,
      { overdue: true },
      { ...allAttachments, overdue_ce_proof: "f" },
    );
    expect(missing.map((e) => e.field)).toEqual(["overdueCe"]);
    const bad = validateApplicationForm(
      sh,
      "initial",
      {
        ...validInitial,
        overdueCe: [
          { specialty: "土木", compulsoryHours: -1, electiveHours: 15, trainingDate: "2026-13-01", provider: "协会" },
        ],
      },
      { overdue: true },
      { ...allAttachments, overdue_ce_proof: "f" },
    );
    expect(bad.map((e) => e.field)).toEqual(["overdueCe[0].compulsoryHours", "overdueCe[0].trainingDate"]);
  });

  it("I3: work experience and achievements (3 years, ≥1 a year) are filed with the initial registration", () => {
    expect(field("initial", "workExperience")?.required).toBe(true);
    expect(field("initial", "achievements")?.minRows).toBe(3);
    const two = validateApplicationForm(
      sh,
      "initial",
      { ...validInitial, achievements: validInitial.achievements.slice(0, 2) },
      { overdue: false },
      allAttachments,
    );
    expect(two.map((e) => e.message)).toEqual(["「主要工作业绩（近三年，每年不少于一项）」至少填写 3 行"]);
  });

  it("I5: the MOHURD initial form has 资格证书管理号, 批准日期 and 获取执业资格方式", () => {
    expect(FORM_FIELDS.initial.filter((f) => f.rule === "I5").map((f) => f.label)).toEqual([
      "资格证书管理号",
      "资格证书批准日期",
      "获取执业资格方式",
    ]);
  });

  it("A2: in 增项注册 employer data is locked (A1) and the current 注册号 and 已注册专业 are shown", () => {
    expect(field("add_specialty", "employerName")?.source).toBe("registration");
    expect([
      field("add_specialty", "registrationNumber")?.label,
      field("add_specialty", "registeredSpecialties")?.label,
    ]).toEqual(["注册号", "已注册专业"]);
  });

  it("C2: the change form auto-fills 原聘用单位, 原执业印章号, 原注册有效期, picks the new employer itself and requires a 解聘证明", () => {
    expect(FORM_FIELDS.change.filter((f) => f.rule === "C2").map((f) => [f.label, f.source])).toEqual([
      ["原聘用单位名称", "registration"],
      ["原执业印章号", "registration"],
      ["原注册有效期", "registration"],
      ["变更后聘用单位", "input"],
    ]);
    expect(field("change", "newEmployerId")?.kind).toBe("employer");
    expect(describeForm(sd, "change").attachments.find((a) => a.code === "dismissal_proof")?.required).toBe(true);
  });

  it("K1: cancellation fields: specialty, reason from the list, 申请人员意见", () => {
    expect(field("cancellation", "reason")?.options?.map((o) => o.value)).toContain("聘用单位破产");
    const errors = validateApplicationForm(
      sd,
      "cancellation",
      { specialty: "geotechnical", reason: "想注销" },
      { overdue: false },
    );
    expect(errors.map((e) => e.field)).toEqual(["reason", "applicantStatement"]);
  });

  it("K2: 强制注销 defaults to 否; 是 requires the arbitration award or judgment", () => {
    const base = { specialty: "geotechnical", reason: "已与聘用单位解除劳动关系", applicantStatement: "同意" };
    expect(validateApplicationForm(sd, "cancellation", base, { overdue: false })).toEqual([]);
    expect(
      validateApplicationForm(sd, "cancellation", { ...base, forced: true }, { overdue: false }).map((e) => e.message),
    ).toEqual(["请上传「劳动仲裁裁决书或法院判决书扫描件」"]);
  });

  it("C1: 变更类型 is derived (shown, not chosen)", () => {
    expect(field("change", "scope")?.source).toBe("derived");
    const errors = validateApplicationForm(
      sd,
      "change",
      { specialty: "geotechnical", newEmployerId: "not-an-id", applicantOpinion: true },
      { overdue: false },
    );
    expect(errors.map((e) => e.field)).toContain("newEmployerId");
    expect(errors.map((e) => e.field)).not.toContain("scope");
  });

  it("S2: reissue asks for 更改/补办原因; 更改/补办要求 follows from it", () => {
    const request = field("reissue", "request")!;
    expect(request.source).toBe("derived");
    expect(request.deriveFrom?.field).toBe("reason");
    expect(request.deriveFrom?.values.seal_lost).toBe("更改执业印章号");
    expect(request.deriveFrom?.values.certificate_lost).toBe("补办注册证书");
    expect(request.deriveFrom?.values.seal_and_certificate_lost).toBe("更改执业印章号并补办注册证书");
    expect(field("reissue", "reason")?.options?.map((o) => o.label)).toEqual([
      "执业印章丢失",
      "证书和执业印章均丢失",
      "注册证书丢失",
    ]);
  });

  it("N3: 变更后证件类型 is one of the four types and the number is checked for its type", () => {
    expect(field("info_change", "newIdType")?.options?.map((o) => o.value)).toEqual([
      "resident_id",
      "hk_surveyor_mutual",
      "hmt_residence_permit",
      "passport",
    ]);
    const base = { kind: "important", reason: "身份证号码更正" };
    const fields = (d: Record<string, unknown>) =>
      validateApplicationForm(sh, "info_change", { ...base, ...d }, { overdue: false })
        .filter((e) => !e.field.startsWith("attachments."))
        .map((e) => [e.field, e.message]);
    expect(fields({ newIdType: "居民身份证", newIdNumber: "310101198803150012" })).toEqual([
      ["newIdType", "「变更后证件类型」须从列表中选择"],
    ]);
    expect(fields({ newIdType: "resident_id", newIdNumber: "310101198803150013" })).toEqual([
      ["newIdNumber", "居民身份证号码校验位不正确，请核对后重新输入。"],
    ]);
    expect(fields({ newIdNumber: "310101198803150012" })).toEqual([
      ["newIdType", "请选择变更后证件类型（与变更后证件号对应）"],
    ]);
    expect(fields({ newIdType: "resident_id", newIdNumber: "310101198803150012" })).toEqual([]);
  });

  it("N1: phone and address are edited directly, not through 信息变更", () => {
    expect(DIRECTLY_EDITABLE_PERSON_FIELDS).toEqual(["phone", "address"]);
    expect(FORM_FIELDS.info_change.some((f) => f.name === "address")).toBe(false);
  });

  it("N3: an important information change needs a reason and scans", () => {
    const errors = validateApplicationForm(
      sh,
      "info_change",
      { kind: "important", newName: "李四" },
      { overdue: false },
    );
    expect(errors.map((e) => e.message)).toEqual([
      "「变更原因」为必填项",
      "请上传「变更说明」",
      "请上传「变更后身份证件扫描件」",
    ]);
    expect(
      validateApplicationForm(sh, "info_change", { kind: "basic" }, { overdue: false }, { change_proof: "f" }).map(
        (e) => e.rule,
      ),
    ).toEqual(["N2"]);
  });

  it("F1: uploads are checked against the program's size and format limits", () => {
    expect(checkUpload(PROGRAMS["cost2-zj"], "photo", { fileName: "a.PNG", bytes: 60 * 1024 })).toEqual([
      "文件格式须为 jpg/jpeg（当前为 png）",
      "文件不能超过 50KB（当前 60KB）",
    ]);
    expect(checkUpload(sd, "photo", { fileName: "a.png", bytes: 400 * 1024 })).toEqual([]);
    expect(checkUpload(sd, "correction", { fileName: "c.jpg", bytes: 100 * 1024 })).toEqual([
      "文件须在 200KB~500KB 之间（当前 100KB）",
    ]);
    expect(checkUpload(sh, "scan", { fileName: "s.pdf", bytes: 1000 })).toEqual(["文件格式须为 jpg（当前为 pdf）"]);
  });

  it("F2: the application PDF is named {项目}{类型}申请表_yyyyMMddHHmmss.pdf", () => {
    expect(applicationPdfName(sh, APPLICATION_TYPE_LABELS.initial, "2021-11-29T09:18:25+08:00")).toBe(
      "二级造价工程师初始注册申请表_20211129091825.pdf",
    );
    expect(applicationPdfName(sh, APPLICATION_TYPE_LABELS.cancellation, "2021-10-20T11:38:59+08:00")).toBe(
      "二级造价工程师注销注册申请表_20211020113859.pdf",
    );
  });

  it("F3: the signed PDF and acceptance notice are available only after both signatures", () => {
    expect(signedDocumentsAvailable({ signedAt: "2021-10-20T11:39:52+08:00", countersignedAt: null })).toBe(false);
    expect(
      signedDocumentsAvailable({ signedAt: "2021-10-20T11:39:52+08:00", countersignedAt: "2021-10-20T14:00:00+08:00" }),
    ).toBe(true);
  });
});
