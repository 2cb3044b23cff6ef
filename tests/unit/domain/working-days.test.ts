import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, type IsoDate } from "@/lib/domain/dates";
import {
  addWorkingDays,
  overdueIfReceivedBefore,
  workingDaysBetween,
  workingDaysLeft,
} from "@/lib/domain/working-days";

// Dates across the published 2025–2026 arrangements (春节, 国庆 and their adjusted Saturdays) and beyond.
const date = fc.integer({ min: 0, max: 900 }).map((n): IsoDate => addDays("2025-01-01", n));

describe("one calendar walk, several views of it", () => {
  it("adding n working days and counting them back agree", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 60 }), (from, n) => {
        expect(workingDaysBetween(from, addWorkingDays(from, n))).toBe(n);
      }),
    );
  });

  it("days left is the count to the due date, negated once it has passed", () => {
    fc.assert(
      fc.property(date, date, (today, due) => {
        const expected = today <= due ? workingDaysBetween(today, due) : 0 - workingDaysBetween(due, today);
        expect(workingDaysLeft(today, due)).toBe(expected);
        expect(workingDaysLeft(today, due)).toBe(0 - workingDaysLeft(due, today));
      }),
    );
  });

  it("received before the cut-off ⇔ more than the limit of working days have passed by today", () => {
    fc.assert(
      fc.property(date, date, fc.integer({ min: 0, max: 30 }), (received, today, limit) => {
        const cutOff = overdueIfReceivedBefore(today, limit);
        expect(received < cutOff).toBe(workingDaysBetween(received, today) > limit);
      }),
    );
  });

  it("a due date followed only by a weekend is 0 days overdue, not -0 (the queue prints it)", () => {
    expect(Object.is(workingDaysLeft("2026-06-07", "2026-06-06"), 0)).toBe(true); // Saturday → Sunday
  });

  it("counting across 国庆 2026 skips the holiday and counts the adjusted Saturday", () => {
    expect(workingDaysBetween("2026-09-30", "2026-10-10")).toBe(3); // 10-08, 10-09, 10-10 (调休上班)
    expect(workingDaysLeft("2026-10-10", "2026-09-30")).toBe(-3);
  });
});
