import { describe, expect, it } from "vitest";
import {
  PROGRAMS,
  checkOption,
  eligibility,
  type EligibilityOption,
  type EmployerSnapshot,
  type PersonSnapshot,
  type Program,
} from "@/lib/domain";
import { fullCe, person, reg } from "./fixtures";

const sh = PROGRAMS["cost2-sh"];
const zj = PROGRAMS["cost2-zj"];
const cost1 = PROGRAMS.cost1;
const sd = PROGRAMS["survey-design"];

const messages = (o: EligibilityOption) => o.reasons.map((r) => r.message);
const rules = (o: EligibilityOption) => o.reasons.map((r) => r.rule);

/** A person registered in 上海 土木 (valid 2022-07-20 … 2026-07-19) with full CE. */
const registered = (over: Partial<PersonSnapshot> = {}) =>
  person({ registrations: [reg()], ceRecords: fullCe("1", [2022, 2023, 2024, 2025]), ...over });

describe("eligibility report", () => {
  it("G1: the report lists every type × specialty once (per-specialty types per specialty)", () => {
    const report = eligibility(person(), sh, "2026-01-10");
    expect(report.options.map((o) => `${o.type}:${o.specialty ?? "-"}`)).toEqual([
      "initial:1",
      "initial:4",
      "extension:1",
      "extension:4",
      "change:1",
      "change:4",
      "add_specialty:1",
      "add_specialty:4",
      "cancellation:1",
      "cancellation:4",
      "reissue:1",
      "reissue:4",
      "suspension:-",
      "resumption:-",
      "info_change:-",
    ]);
    expect(checkOption(person(), sh, "initial", "2", "2026-01-10").reasons[0]?.rule).toBe("G1");
  });

  it("G2: a second in-flight application is refused, naming the one that blocks and where it is", () => {
    const p = registered({
      applications: [
        {
          id: "a0",
          programCode: "cost2-sh",
          type: "extension",
          specialty: "1",
          status: "pending_acceptance",
          statusLabel: "省级未受理",
        },
      ],
    });
    const report = eligibility(p, sh, "2026-07-01");
    expect(report.blocking?.id).toBe("a0");
    for (const o of report.options) expect(rules(o)).toContain(o.type === "change" ? "C4" : "G2");
    expect(messages(checkOption(p, sh, "cancellation", "1", "2026-07-01"))).toEqual([
      "您有一项「延续注册」申请正在办理（省级未受理），办结或撤回后才能申报新的申请",
    ]);
    // drafts, rejected and withdrawn ones do not block
    const q = registered({
      applications: [{ id: "a0", programCode: "cost2-sh", type: "extension", specialty: "1", status: "rejected" }],
    });
    expect(checkOption(q, sh, "cancellation", "1", "2026-07-01").allowed).toBe(true);
  });

  const title1 =
    "G3: the employer must exist, be verified, be of an eligible kind and (provincial programs) be in the " +
    "province";
  it(title1, () => {
    const base: EmployerSnapshot = {
      id: "e1",
      name: "某公司",
      kind: "cost_consulting",
      provinceCode: "31",
      verified: true,
    };
    const table: Array<[Partial<typeof base> | null, string]> = [
      [null, "须有且只有一个聘用单位：请先在「基本信息修改」中选择聘用单位"],
      [
        { verified: false },
        "聘用单位「某公司」未通过验证（须在系统中存在并核验统一社会信用代码）：请在「基本信息修改」中用“验证企业名称”重新查找并选择聘用单位",
      ],
      [{ kind: "other" }, "聘用单位类型「其他单位」不能注册二级造价工程师（上海市）：请更换为可注册本项目的聘用单位"],
      [{ provinceCode: "32" }, "聘用单位「某公司」不在上海市，不能在本地注册：请选择上海市的聘用单位"],
    ];
    for (const [over, message] of table) {
      const p = person({ employer: over === null ? null : { ...base, ...over } });
      expect(messages(checkOption(p, sh, "initial", "1", "2026-01-10"))).toEqual([message]);
    }
    // 建设单位 may employ a cost engineer but not a MOHURD registrant
    const owner = { ...base, kind: "construction_owner" as const };
    expect(checkOption(person({ employer: owner }), sh, "initial", "1", "2026-01-10").allowed).toBe(true);
    const sdPerson = person({
      employer: owner,
      qualifications: [
        { programCode: "survey-design", specialty: "geotechnical", issuedOn: "2025-01-01", provinceCode: null },
      ],
    });
    expect(rules(checkOption(sdPerson, sd, "initial", "geotechnical", "2026-01-10"))).toEqual(["G3"]);
  });

  it("G4: photo and signature must be on file before any application", () => {
    const o = checkOption(person({ photoOnFile: false, signatureOnFile: false }), sh, "initial", "1", "2026-01-10");
    expect(messages(o)).toEqual(["请先在「基本信息修改」中上传一寸照片和手写签名"]);
    expect(messages(checkOption(person({ signatureOnFile: false }), sh, "initial", "1", "2026-01-10"))).toEqual([
      "请先在「基本信息修改」中上传手写签名",
    ]);
  });

  it("G6: a social-insurance anomaly does not refuse, but the filing must confirm it", () => {
    const o = checkOption(person({ socialInsuranceAnomaly: true }), sh, "initial", "1", "2026-01-10");
    expect(o.allowed).toBe(true);
    expect(o.notes.map((n) => n.rule)).toEqual(["G6"]);
  });

  it("G7: while practice is suspended only resumption may be filed", () => {
    const p = registered({ registrations: [reg({ status: "suspended" })] });
    const report = eligibility(p, sh, "2026-07-01");
    expect(report.options.filter((o) => o.allowed).map((o) => o.type)).toEqual(["resumption"]);
    expect(messages(checkOption(p, sh, "cancellation", "1", "2026-07-01"))).toEqual([
      "暂停执业期间不能申报其他业务，请先申请恢复执业",
    ]);
  });
});

describe("I: initial registration", () => {
  it("I1: needs the qualification in that specialty; a valid registration in it blocks another", () => {
    expect(messages(checkOption(person(), sh, "initial", "4", "2026-01-10"))).toEqual([
      "未取得二级造价工程师（上海市）「安装工程」专业执业资格",
    ]);
    expect(checkOption(person(), sh, "initial", "1", "2026-01-10").allowed).toBe(true);
    const sdp = person({
      qualifications: [
        { programCode: "survey-design", specialty: "structural1", issuedOn: "2020-01-01", provinceCode: null },
      ],
      registrations: [
        reg({
          programCode: "survey-design",
          specialty: "structural1",
          registrationNumber: "建[勘]11231100000001",
          validUntil: "2026-12-31",
        }),
      ],
      employer: { id: "e1", name: "设计院", kind: "survey_design", provinceCode: "11", verified: true },
    });
    expect(messages(checkOption(sdp, sd, "initial", "structural1", "2026-01-10"))).toEqual([
      "已在「一级注册结构工程师」专业注册（注册号 建[勘]11231100000001，有效期至 2026-12-31），不能重复注册",
    ]);
  });

  it("I2: past the deadline after qualification, overdue CE must meet the program's hours", () => {
    // 上海 (BJ setting): 30 h = 15 + 15 within the last 12 months; qualification 2024-01-05 + 18 months = 2025-07-05
    const p = person({
      qualifications: [{ programCode: "cost2-sh", specialty: "1", issuedOn: "2024-01-05", provinceCode: "31" }],
    });
    const o = checkOption(p, sh, "initial", "1", "2026-01-10");
    expect(o.overdue).toBe(true);
    expect(messages(o)).toEqual([
      "资格证书签发于 2024-01-05，超过18个月（2025-07-05）未初始注册，属逾期注册：须在2025-01-10至2026-01-10期间完成继续教育30学时（必修15、选修15），现有0学时（必修0、" +
        "选修0）：请在「继续教育」中补录学时后再申报",
    ]);
    const withCe = {
      ...p,
      ceRecords: [{ date: "2025-09-01", compulsoryHours: 15, electiveHours: 15, specialty: "1" }],
    };
    const ok = checkOption(withCe, sh, "initial", "1", "2026-01-10");
    expect([ok.allowed, ok.overdue, ok.notes[0]?.rule]).toEqual([true, true, "I2"]);
    // 浙江: 20 h in the current calendar year — last year's hours do not count
    const zp = person({
      qualifications: [{ programCode: "cost2-zj", specialty: "1", issuedOn: "2024-01-05", provinceCode: "33" }],
      employer: { id: "e1", name: "杭州某公司", kind: "cost_consulting", provinceCode: "33", verified: true },
      ceRecords: [{ date: "2025-12-01", compulsoryHours: 20, electiveHours: 0, specialty: null }],
    });
    expect(messages(checkOption(zp, zj, "initial", "1", "2026-01-10"))).toEqual([
      "资格证书签发于 2024-01-05，超过18个月（2025-07-05）未初始注册，属逾期注册：须在2026年内完成继续教育20学时，现有0学时（必修0、选修0）：请在「继续教育」中补录学时后再申报",
    ]);
    // within the deadline no CE is needed
    expect(checkOption(p, sh, "initial", "1", "2025-07-05").overdue).toBe(false);
  });

  it("I4: after cancellation, practising again is a new initial registration; the qualification is kept", () => {
    const p = person({ registrations: [reg({ status: "cancelled" })] });
    expect(checkOption(p, sh, "initial", "1", "2026-01-10").allowed).toBe(true);
    expect(messages(checkOption(p, sh, "extension", "1", "2026-07-01"))).toEqual([
      "「土木建筑工程」专业注册已注销；重新执业须申请初始注册",
    ]);
  });

  it("P: 浙江 refuses qualifications obtained in another province", () => {
    const zp = person({
      qualifications: [{ programCode: "cost2-zj", specialty: "1", issuedOn: "2025-06-01", provinceCode: "32" }],
      employer: { id: "e1", name: "杭州某公司", kind: "cost_consulting", provinceCode: "33", verified: true },
    });
    expect(messages(checkOption(zp, zj, "initial", "1", "2026-01-10"))).toEqual([
      "外省取得的二级造价工程师资格暂不能注册到浙江省企业（资格取得地代码 32）",
    ]);
    // 上海 does not apply this rule
    const sp = person({
      qualifications: [{ programCode: "cost2-sh", specialty: "1", issuedOn: "2025-06-01", provinceCode: "32" }],
    });
    expect(checkOption(sp, sh, "initial", "1", "2026-01-10").allowed).toBe(true);
  });

  it("P: age cap — no initial/extension/change within 90 days of the 70th birthday", () => {
    const sdp = (birthDate: string) =>
      person({
        birthDate,
        qualifications: [
          { programCode: "survey-design", specialty: "geotechnical", issuedOn: "2025-01-01", provinceCode: null },
        ],
        employer: { id: "e1", name: "设计院", kind: "survey_design", provinceCode: "11", verified: true },
      });
    // 70th birthday 2026-04-10; blocked from 2026-01-10
    expect(messages(checkOption(sdp("1956-04-10"), sd, "initial", "geotechnical", "2026-01-10"))).toEqual([
      "年满70周岁之日为 2026-04-10，自 2026-01-10 起（前90日内）不能申报初始注册（年龄上限）",
    ]);
    expect(checkOption(sdp("1956-04-11"), sd, "initial", "geotechnical", "2026-01-10").allowed).toBe(true);
    // a program without the cap ignores age
    const old = person({ birthDate: "1950-01-01" });
    expect(checkOption(old, sh, "initial", "1", "2026-01-10").allowed).toBe(true);
  });
});

describe("A: add specialty", () => {
  it("A1: needs a valid registration; initial is refused once registered, pointing to 增项", () => {
    const both = [
      { programCode: "cost2-sh", specialty: "1", issuedOn: "2021-06-01", provinceCode: "31" },
      { programCode: "cost2-sh", specialty: "4", issuedOn: "2025-06-01", provinceCode: "31" },
    ] as const;
    const p = registered({ qualifications: both });
    expect(checkOption(p, sh, "add_specialty", "4", "2026-01-10").allowed).toBe(true);
    expect(messages(checkOption(p, sh, "initial", "4", "2026-01-10"))).toEqual([
      "您已在本项目有效注册（注册号 建[造]21223101000001），新增专业请申请增项注册",
    ]);
    const unregistered = person({ qualifications: both });
    expect(messages(checkOption(unregistered, sh, "add_specialty", "4", "2026-01-10"))).toEqual([
      "增项注册须已有有效注册；首次注册请申请初始注册",
    ]);
    // overdue CE applies to add-specialty too
    const late = registered({ qualifications: [both[0], { ...both[1], issuedOn: "2023-01-01" }], ceRecords: [] });
    expect(rules(checkOption(late, sh, "add_specialty", "4", "2026-01-10"))).toEqual(["A1"]);
    expect(checkOption(late, sh, "add_specialty", "4", "2026-01-10").overdue).toBe(true);
  });
});

describe("X: extension", () => {
  it("X1: only inside the window; earlier is refused with the date it opens", () => {
    const p = registered(); // valid until 2026-07-19; 上海 window 30 days
    expect(messages(checkOption(p, sh, "extension", "1", "2026-06-18"))).toEqual([
      "延续注册自 2026-06-19 起可申报（有效期届满前30日内，有效期至 2026-07-19）",
    ]);
    expect(checkOption(p, sh, "extension", "1", "2026-06-19").allowed).toBe(true);
    expect(checkOption(p, sh, "extension", "1", "2026-07-19").allowed).toBe(true);
    // 一级造价: 3 months; MOHURD: 6 months
    const c1 = registered({
      registrations: [reg({ programCode: "cost1", validUntil: "2026-07-19" })],
      employer: { id: "e9", name: "x", kind: "cost_consulting", provinceCode: "11", verified: true },
    });
    expect(messages(checkOption(c1, cost1, "extension", "1", "2026-04-18"))[0]).toBe(
      "延续注册自 2026-04-19 起可申报（有效期届满前3个月内，有效期至 2026-07-19）",
    );
  });

  it("X2: an expired specialty cannot be extended; the applicant is pointed to initial/add-specialty", () => {
    const p = registered();
    expect(messages(checkOption(p, sh, "extension", "1", "2026-07-20"))).toEqual([
      "「土木建筑工程」专业注册有效期已于 2026-07-19 届满，不能申报延续注册，请通过初始注册或增项注册申请",
    ]);
    expect(
      checkOption(
        {
          ...p,
          qualifications: [{ programCode: "cost2-sh", specialty: "1", issuedOn: "2021-06-01", provinceCode: "31" }],
          ceRecords: [{ date: "2026-03-01", compulsoryHours: 15, electiveHours: 15, specialty: null }],
        },
        sh,
        "initial",
        "1",
        "2026-07-20",
      ).allowed,
    ).toBe(true);
  });

  it("X3: each specialty is extended separately with its own CE hours", () => {
    const p = registered({
      registrations: [reg(), reg({ id: "r2", specialty: "4", registrationNumber: "建[造]24223101000002" })],
      ceRecords: [
        ...fullCe("1", [2022, 2023, 2024, 2025]),
        { date: "2024-03-01", compulsoryHours: 20, electiveHours: 10, specialty: "4" },
      ],
    });
    expect(checkOption(p, sh, "extension", "1", "2026-07-01").allowed).toBe(true);
    expect(messages(checkOption(p, sh, "extension", "4", "2026-07-01"))).toEqual([
      "「安装工程」专业本注册期（2022-07-20 起）须完成继续教育必修60学时、选修60学时，现有必修20、选修10学时：请在「继续教育」中补录学时后再申报",
    ]);
  });
});

describe("C: change of employer", () => {
  const moved = (provinceCode: string) =>
    person({
      registrations: [reg({ programCode: "cost1", employerProvinceCode: "11" })],
      employer: { id: "e2", name: "新单位", kind: "contractor", provinceCode, verified: true },
    });

  it("C1: scope is within or across provinces; 香港 applicants use 机构内变更", () => {
    expect(checkOption(moved("11"), cost1, "change", "1", "2026-01-10")).toMatchObject({
      allowed: true,
      changeScope: "within_province",
    });
    expect(checkOption(moved("44"), cost1, "change", "1", "2026-01-10")).toMatchObject({
      allowed: true,
      changeScope: "cross_province",
    });
    expect(checkOption({ ...moved("44"), route: "hk" }, cost1, "change", "1", "2026-01-10").changeScope).toBe(
      "within_institution",
    );
  });

  it("C2: the new employer must differ from the old", () => {
    const same = person({
      registrations: [reg({ programCode: "cost1" })],
      employer: {
        id: "e1",
        name: "上海建和工程咨询有限公司",
        kind: "cost_consulting",
        provinceCode: "31",
        verified: true,
      },
    });
    expect(messages(checkOption(same, cost1, "change", "1", "2026-01-10"))).toEqual([
      "新聘用单位须与原聘用单位不同（当前均为「上海建和工程咨询有限公司」）；请在申请表中选择新的聘用单位",
    ]);
  });

  it("C4: a program without 变更注册 says so and points to cancel + initial", () => {
    const o = checkOption(registered(), sh, "change", "1", "2026-01-10");
    expect(o.reasons).toEqual([
      {
        rule: "C4",
        message: "上海市二级造价工程师不设变更注册：更换聘用企业请先办理注销注册，再以新企业申请初始注册。",
        // Other languages say it from the code and values (issue 14 item 4).
        code: "typeNotOffered",
        values: { program: sh.name, type: "change" },
      },
    ]);
  });
});

describe("K, S, U, N", () => {
  it("K1: cancellation needs an in-force registration of that specialty", () => {
    const p = registered();
    expect(checkOption(p, sh, "cancellation", "1", "2026-01-10").allowed).toBe(true);
    expect(messages(checkOption(p, sh, "cancellation", "4", "2026-01-10"))).toEqual([
      "未在「安装工程」专业注册，不能申报注销注册",
    ]);
  });

  it("S1: reissue needs an in-force registration of that specialty", () => {
    expect(checkOption(registered(), sh, "reissue", "1", "2026-01-10").allowed).toBe(true);
    expect(rules(checkOption(registered(), sh, "reissue", "4", "2026-01-10"))).toEqual(["S1"]);
  });

  it("U1: suspension needs an active registration; resumption needs a suspended one", () => {
    expect(checkOption(registered(), sh, "suspension", null, "2026-01-10").allowed).toBe(true);
    expect(messages(checkOption(registered(), sh, "resumption", null, "2026-01-10"))).toEqual([
      "未处于暂停执业状态，无需恢复执业",
    ]);
    const suspended = registered({ registrations: [reg({ status: "suspended" })] });
    expect(checkOption(suspended, sh, "resumption", null, "2026-01-10").allowed).toBe(true);
    expect(messages(checkOption(suspended, sh, "suspension", null, "2026-01-10"))).toContain(
      "已处于暂停执业状态，无需再次申请暂停执业",
    );
    expect(messages(checkOption(person(), sh, "suspension", null, "2026-01-10"))).toEqual([
      "没有有效的注册，无需暂停执业",
    ]);
  });

  it("N1: phone and address are edited directly — the info-change option says so", () => {
    const o = checkOption(registered(), sh, "info_change", null, "2026-01-10");
    expect(o.allowed).toBe(true);
    expect(o.notes).toEqual([
      {
        rule: "N1",
        message: "手机号码、通讯地址请在「基本信息修改」中直接修改，无需申报",
        code: "contactDetailsDirect",
      },
    ]);
  });

  it("N2: information change is for registered people", () => {
    expect(messages(checkOption(person(), sh, "info_change", null, "2026-01-10"))).toEqual([
      "信息变更适用于已在二级造价工程师（上海市）注册的人员",
    ]);
  });

  it("P: types a program does not offer are refused by name", () => {
    const arch: Program = PROGRAMS.architect1;
    expect(messages(checkOption(person(), arch, "suspension", null, "2026-01-10"))).toEqual([
      "一级注册建筑师不办理暂停执业",
    ]);
  });
});
