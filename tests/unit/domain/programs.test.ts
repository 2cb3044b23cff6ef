import { describe, expect, it } from "vitest";
import {
  BUILT_IN_PROGRAM_CODES,
  PROGRAMS,
  getProgram,
  findProgram,
  makeProvincialCost2Program,
  registrationNumber,
  reviewChainFor,
  eligibility,
  type Program,
} from "@/lib/domain";
import { person } from "./fixtures";

describe("P: programs are data", () => {
  it("P: every built-in program code is registered and getProgram finds it", () => {
    expect(Object.keys(PROGRAMS).sort()).toEqual([...BUILT_IN_PROGRAM_CODES].sort());
    for (const code of BUILT_IN_PROGRAM_CODES) expect(getProgram(code).code).toBe(code);
    expect(findProgram("cost2-xx")).toBeUndefined();
    expect(() => getProgram("nope")).toThrow(/unknown program/);
  });

  it("P: cost engineers use specialty codes 1–4 (一级) and 1, 4 only (二级)", () => {
    expect(PROGRAMS.cost1.specialties.map((s) => [s.code, s.name])).toEqual([
      ["1", "土木建筑工程"],
      ["2", "交通运输工程"],
      ["3", "水利工程"],
      ["4", "安装工程"],
    ]);
    expect(PROGRAMS["cost2-sh"].specialties.map((s) => s.name)).toEqual(["土木建筑工程", "安装工程"]);
    expect(PROGRAMS["cost2-zj"].specialties.map((s) => s.code)).toEqual(["1", "4"]);
    expect(PROGRAMS["survey-design"].specialties).toHaveLength(13);
    expect(PROGRAMS.architect1.specialties).toHaveLength(1);
  });

  const table: Array<[string, number, string, string[], boolean]> = [
    // code, validity years, window, chain shorts, public notice
    ["cost1", 4, "3m", ["省级", "部级"], true],
    ["cost2-sh", 4, "30d", ["省级"], false],
    ["cost2-zj", 4, "30d", ["省级"], false],
    ["architect1", 2, "6m", ["部级"], true],
    ["survey-design", 3, "6m", ["部级"], true],
  ];
  it.each(table)("P: %s has validity %i y, extension window %s, chain %j", (code, years, window, chain, notice) => {
    const p = getProgram(code);
    expect(p.validityYears).toBe(years);
    const w = p.extensionWindow.opens;
    expect(w.months ? `${w.months}m` : `${w.days}d`).toBe(window);
    expect(p.reviewRoutes.default.map((l) => l.short)).toEqual(chain);
    expect(p.options.publicNotice).toBe(notice);
  });

  it("P: 一级造价 has a 香港地区 route: 香港测量师学会 → 中价协 → 住建部", () => {
    const hk = PROGRAMS.cost1.reviewRoutes.hk!;
    expect(hk.map((l) => l.level)).toEqual(["hk_route", "association", "ministry"]);
    expect(hk.map((l) => l.short)).toEqual(["香港地区", "中价协", "部级"]);
    expect(hk[0]!.name).toContain("香港测量师学会工料测量组");
  });

  it("P: file limits per program (photo 500 KB vs 浙江 50 KB JPG; scans 2 MB jpg; corrections 200–500 KB)", () => {
    expect(PROGRAMS["survey-design"].files.photo).toMatchObject({
      maxBytes: 512000,
      formats: ["jpg", "jpeg", "png"],
      recommendedPx: { width: 295, height: 413 },
    });
    expect(PROGRAMS["survey-design"].files.signature.recommendedPx).toEqual({ width: 405, height: 162 });
    expect(PROGRAMS["cost2-zj"].files.photo).toMatchObject({ maxBytes: 51200, formats: ["jpg", "jpeg"] });
    expect(PROGRAMS.cost1.files.scan).toMatchObject({ maxBytes: 2097152, formats: ["jpg"] });
    expect(PROGRAMS.architect1.files.correction).toMatchObject({ minBytes: 204800, maxBytes: 512000 });
  });

  it("P: optional rules are switched per program", () => {
    const o = (c: string) => getProgram(c).options;
    expect(o("cost2-zj").refuseOutOfProvinceQualification).toBe(true);
    expect(o("cost2-sh").refuseOutOfProvinceQualification).toBe(false);
    expect(o("cost2-zj").autoApproveOnEmployerSeal).toEqual(["initial", "add_specialty"]);
    expect(o("cost2-sh").cancellationCompletesOnEmployerSignature).toBe(true);
    expect(o("cost2-zj").cancellationCompletesOnEmployerSignature).toBe(false);
    expect(getProgram("cost2-sh").applicationTypes).not.toContain("change");
    expect(o("survey-design").ageCap).toEqual({ age: 70, blockWithinDays: 90 });
    expect(o("cost1").ageCap).toBeNull();
    expect(PROGRAMS["cost2-zj"].overdueCe.totalHours).toBe(20);
    expect(PROGRAMS["cost2-sh"].overdueCe).toMatchObject({ totalHours: 30, compulsoryHours: 15, electiveHours: 15 });
    expect(PROGRAMS["cost2-zj"].initialDeadline).toEqual({ months: 18 });
  });

  it("P: adding a province is adding data (makeProvincialCost2Program)", () => {
    const js: Program = makeProvincialCost2Program({
      suffix: "js",
      province: "江苏省",
      provinceCode: "32",
      authority: "江苏省住房和城乡建设厅",
      acceptanceOfficeCode: "320",
    });
    expect(js.code).toBe("cost2-js");
    expect(js.jurisdiction).toEqual({ kind: "provincial", province: "江苏省", provinceCode: "32" });
    expect(reviewChainFor({ type: "initial", route: "default", infoChangeKind: null }, js).map((l) => l.name)).toEqual([
      "江苏省二级造价工程师注册管理机构",
    ]);
    expect(registrationNumber(js, { specialty: "4", decisionDate: "2026-03-01", serial: 12 })).toBe(
      "建[造]24263201000012",
    );
    // the engine works on it without code changes
    const report = eligibility(
      person({
        qualifications: [{ programCode: "cost2-js", specialty: "1", issuedOn: "2025-06-01", provinceCode: "32" }],
        employer: { id: "e1", name: "南京某咨询公司", kind: "cost_consulting", provinceCode: "32", verified: true },
      }),
      js,
      "2026-01-10",
    );
    expect(report.options.find((o) => o.type === "initial" && o.specialty === "1")?.allowed).toBe(true);
  });
});
