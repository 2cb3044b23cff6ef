import { describe, expect, it } from "vitest";
import { buildGuide, fileLimitLabel } from "@/lib/domain/guide";
import { maskIdNumber, maskName, maskPhone } from "@/lib/domain/masking";
import { cost1, cost2Shanghai, cost2Zhejiang, makeProvincialCost2Program } from "@/lib/domain/programs";
import { overdueIfReceivedBefore, workingDaysBetween } from "@/lib/domain/working-days";

describe("公示 masking", () => {
  it("keeps the surname and, for longer names, the last character", () => {
    expect(maskName("王堃")).toBe("王*");
    expect(maskName("李小喆")).toBe("李*喆");
    expect(maskName("欧阳娜娜")).toBe("欧**娜");
    expect(maskName("钱")).toBe("钱");
  });
  it("masks document numbers and phones the way the seeds print them (159****6918)", () => {
    expect(maskIdNumber("310101198803150012")).toBe("3101**********0012");
    expect(maskIdNumber("HKQS-2019-0123")).toBe("HKQS******0123");
    expect(maskPhone("15912346918")).toBe("159****6918");
  });
});

describe("working days for 办理时限", () => {
  it("counts Monday to Friday after the start day", () => {
    // 2026-11-27 is a Friday; the next Monday and Tuesday are 2 working days.
    expect(workingDaysBetween("2026-11-27", "2026-12-01")).toBe(2);
    expect(workingDaysBetween("2026-12-01", "2026-12-01")).toBe(0);
  });
  it("a filing received before the cut-off has more than the limit elapsed, one received on it has not", () => {
    const today = "2026-11-30"; // Monday
    const cut = overdueIfReceivedBefore(today, 20);
    expect(workingDaysBetween(cut, today)).toBe(20);
    expect(workingDaysBetween("2026-10-30", today)).toBeGreaterThan(20);
    expect(cut > "2026-10-30").toBe(true);
  });
});

describe("办事指南 generated from program data", () => {
  it("lists the program's file limits, windows and review chain", () => {
    const g = buildGuide(cost1, "extension")!;
    const text = g.sections.map((s) => `${s.heading}:${s.items.join("|")}`).join("\n");
    expect(g.title).toBe("一级造价工程师延续注册");
    expect(text).toContain("届满前3个月起可申请");
    expect(text).toContain("省级注册初审机构初审");
    expect(text).toContain("公示");
    expect(text).toContain("香港地区申报");
    expect(text).toContain(fileLimitLabel(cost1.files.photo));
  });

  it("changing the program data changes the guide (size limit, window, time limit)", () => {
    const base = makeProvincialCost2Program({
      suffix: "xx",
      province: "测试省",
      provinceCode: "99",
      authority: "测试省住建厅",
      acceptanceOfficeCode: "999",
    });
    const changed = makeProvincialCost2Program({
      suffix: "xx",
      province: "测试省",
      provinceCode: "99",
      authority: "测试省住建厅",
      acceptanceOfficeCode: "999",
      extensionWindowDays: 60,
      photo: { maxBytes: 50 * 1024, formats: ["jpg"], source: "test" },
    });
    const text = (p: typeof base) => JSON.stringify(buildGuide(p, "extension"));
    expect(text(base)).toContain("届满前30日起");
    expect(text(changed)).toContain("届满前60日起");
    expect(text(base)).toContain("个人照片：JPG、PNG格式，不超过500KB");
    expect(text(changed)).toContain("个人照片：JPG格式，不超过50KB");
    const slower = { ...base, reviewRoutes: { default: [{ ...base.reviewRoutes.default[0]!, workingDays: 15 }] } };
    expect(text(base)).toContain("20个工作日");
    expect(text(slower)).toContain("15个工作日");
  });

  it("has no page for a type the program does not offer (上海 has no 变更注册) and says what to do instead", () => {
    expect(buildGuide(cost2Shanghai, "change")).toBeUndefined();
    expect(JSON.stringify(buildGuide(cost2Shanghai, "cancellation"))).toContain("不设变更注册");
  });

  it("浙江: issued automatically once the employer seals, no reviewer time limit", () => {
    const g = JSON.stringify(buildGuide(cost2Zhejiang, "initial"));
    expect(g).toContain("自动办结");
    expect(g).toContain("外省取得的资格不予注册");
  });
});
