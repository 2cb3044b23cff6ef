import { describe, expect, it } from "vitest";
import { addDays, addMonths, addYears, daysBetween, periodLabel, subtractPeriod } from "@/lib/domain";

describe("date maths without time zones", () => {
  it("X1: window starts are computed on calendar dates, clamping month ends", () => {
    expect(subtractPeriod("2026-07-19", { days: 30 })).toBe("2026-06-19");
    expect(subtractPeriod("2026-05-31", { months: 3 })).toBe("2026-02-28");
    expect(subtractPeriod("2028-08-31", { months: 6 })).toBe("2028-02-29");
    expect(periodLabel({ months: 3 })).toBe("3个月");
  });

  it("X4: adding years keeps the day, 29 Feb falls back to 28 Feb", () => {
    expect(addYears("2026-07-19", 4)).toBe("2030-07-19");
    expect(addYears("2028-02-29", 1)).toBe("2029-02-28");
    expect(addDays(addYears("2026-03-01", 4), -1)).toBe("2030-02-28");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-15");
    expect(daysBetween("2026-01-01", "2026-12-31")).toBe(364);
    expect(() => addDays("2026-02-30", 1)).toThrow(/calendar date/);
  });
});
