import { describe, expect, it } from "vitest";
import { getProgram } from "@/lib/domain/programs";
import {
  correctionDueOn,
  correctionReminderOn,
  dueExpiryReminders,
  DEFAULT_EXPIRY_REMINDERS,
  expectedDecisionOn,
  extensionWindowOpensOn,
} from "@/lib/domain/deadlines";
import { addWorkingDays, isWorkingDay, workingDaysLeft } from "@/lib/domain/working-days";

describe("working days with China's public holidays and adjusted workdays", () => {
  it("skips the 国庆 holiday and counts the adjusted Saturday 2026-10-10 as a workday", () => {
    expect(isWorkingDay("2026-10-01")).toBe(false);
    expect(isWorkingDay("2026-10-10")).toBe(true); // 调休上班 (Saturday)
    expect(isWorkingDay("2026-10-11")).toBe(false); // ordinary Sunday
    expect(addWorkingDays("2026-09-30", 1)).toBe("2026-10-08");
    expect(addWorkingDays("2026-10-09", 1)).toBe("2026-10-10");
  });

  it("spans the 2026 春节 holiday (2-15…2-23) with its adjusted workdays 2-14 and 2-28", () => {
    expect(addWorkingDays("2026-02-13", 1)).toBe("2026-02-14");
    expect(addWorkingDays("2026-02-14", 1)).toBe("2026-02-24");
    // 20 working days after 受理 on 2026-02-10: 11–14 (4), 24–27 (4), 28 (1), March 2–6 (5), 9–13 (5), 16 (1).
    expect(expectedDecisionOn("2026-02-10", getProgram("cost1"))).toBe("2026-03-16");
  });

  it("a year not in the data file counts weekends only", () => {
    expect(isWorkingDay("2031-10-01")).toBe(true); // a Wednesday; that year's arrangement is not published yet
    expect(addWorkingDays("2031-01-03", 1)).toBe("2031-01-06"); // Friday → Monday
  });

  it("days left count working days; overdue is negative", () => {
    expect(workingDaysLeft("2026-09-30", "2026-10-08")).toBe(1);
    expect(workingDaysLeft("2026-10-08", "2026-10-08")).toBe(0);
    expect(workingDaysLeft("2026-10-12", "2026-10-08")).toBe(-3); // 9 (Fri), 10 (adjusted Sat), 12 (Mon)
  });
});

describe("expiry reminders 6 months, 3 months and 30 days before expiry, once each", () => {
  const validTo = "2027-06-30";
  it("nothing before the first reminder date, then the 6-month reminder, then nothing until 3 months", () => {
    expect(dueExpiryReminders(validTo, "2026-12-29", DEFAULT_EXPIRY_REMINDERS, new Set()).send).toBeNull();
    expect(dueExpiryReminders(validTo, "2026-12-30", DEFAULT_EXPIRY_REMINDERS, new Set()).send).toMatchObject({
      key: "6m",
      label: "6个月",
    });
    expect(dueExpiryReminders(validTo, "2027-02-01", DEFAULT_EXPIRY_REMINDERS, new Set(["6m"])).send).toBeNull();
    expect(dueExpiryReminders(validTo, "2027-03-30", DEFAULT_EXPIRY_REMINDERS, new Set(["6m"])).send).toMatchObject({
      key: "3m",
    });
    expect(
      dueExpiryReminders(validTo, "2027-05-31", DEFAULT_EXPIRY_REMINDERS, new Set(["6m", "3m"])).send,
    ).toMatchObject({ key: "30d" });
    expect(
      dueExpiryReminders(validTo, "2027-06-10", DEFAULT_EXPIRY_REMINDERS, new Set(["6m", "3m", "30d"])).send,
    ).toBeNull();
  });

  it("when several are overdue at once only the nearest is sent and the earlier ones are marked passed", () => {
    const out = dueExpiryReminders(validTo, "2027-06-10", DEFAULT_EXPIRY_REMINDERS, new Set());
    expect(out.send?.key).toBe("30d");
    expect(out.passed.map((p) => p.key)).toEqual(["6m", "3m"]);
  });

  it("an expired registration gets no reminder", () => {
    expect(dueExpiryReminders(validTo, "2027-07-01", DEFAULT_EXPIRY_REMINDERS, new Set()).send).toBeNull();
  });

  it("X1: the extension window opens per program (一级造价 3 months, 住建部 programs 6 months before expiry)", () => {
    expect(extensionWindowOpensOn(validTo, getProgram("cost1"))).toBe("2027-03-30");
    expect(extensionWindowOpensOn(validTo, getProgram("architect1"))).toBe("2026-12-30");
  });
});

describe("补正 deadline", () => {
  it("W4: due 30 days after the request by default, reminded 5 days before", () => {
    const program = getProgram("cost1");
    expect(correctionDueOn("2026-11-30", program)).toBe("2026-12-30");
    expect(correctionReminderOn("2026-12-30", program)).toBe("2026-12-25");
  });
});
