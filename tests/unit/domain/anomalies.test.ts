import { describe, expect, it } from "vitest";
import { anomalyFindings, anomalyNotice } from "@/lib/domain/anomalies";

describe("G6 / T3 the review pages name the anomaly the person has, not always 社保异常", () => {
  it.each([
    [["social_insurance"], "社保异常", "社会保险缴纳情况异常"],
    [["duplicate_registration"], "人员查重异常", "同时在其他单位注册"],
    [["duplicate_registration", "social_insurance"], "人员查重异常、社保异常", "同时在其他单位注册；"],
  ] as const)("%j → %s", (kinds, notice, finding) => {
    expect(anomalyNotice(kinds)).toBe(notice);
    expect(anomalyFindings(kinds)).toContain(finding);
  });

  it("a flag with no anomaly on record is the 社保异常 the applicant confirmed at filing", () => {
    expect(anomalyNotice([])).toBe("社保异常");
    expect(anomalyFindings([])).toContain("社会保险缴纳情况异常");
  });

  it("a duplicate-registration anomaly alone never reads as a social insurance one", () => {
    expect(anomalyNotice(["duplicate_registration"])).not.toContain("社保");
    expect(anomalyFindings(["duplicate_registration"])).not.toContain("社会保险");
  });
});
