/**
 * The domain's clocks (issue 11): when a registration's expiry reminders fall due, when the extension window opens.
 * Pure functions of dates and program data; the scheduled jobs and the pages call them.
 */
import { addDays, compareDates, periodLabel, subtractPeriod, type IsoDate, type Period } from "./dates";
import type { Program } from "./programs/types";
import { addWorkingDays, CHINA_CALENDAR, type WorkingCalendar } from "./working-days";

export const DEFAULT_EXPIRY_REMINDERS: readonly Period[] = [{ months: 6 }, { months: 3 }, { days: 30 }];

export function expiryReminders(program: Program): readonly Period[] {
  return program.expiryReminders ?? DEFAULT_EXPIRY_REMINDERS;
}

/** Stable name of a reminder for the once-only record: "6m", "3m", "30d". */
function reminderKey(period: Period): string {
  return `${period.months ? `${period.months}m` : ""}${period.days ? `${period.days}d` : ""}` || "0d";
}

export type DueReminder = { key: string; label: string; sendsOn: IsoDate };

/**
 * Which reminders are due on `today` for a registration valid to `validTo`, given those already sent.
 * A reminder is due from its date until expiry. When several are due at once (the portal was down, or a
 * registration was entered late) only the nearest to expiry is sent and the earlier ones are marked as passed,
 * so a person never gets "6 months left" and "30 days left" on the same morning.
 */
export function dueExpiryReminders(
  validTo: IsoDate,
  today: IsoDate,
  reminders: readonly Period[],
  alreadySent: ReadonlySet<string>,
): { send: DueReminder | null; passed: DueReminder[] } {
  if (compareDates(today, validTo) > 0) return { send: null, passed: [] };
  const due = reminders
    .map((p) => ({ key: reminderKey(p), label: periodLabel(p), sendsOn: subtractPeriod(validTo, p) }))
    .filter((r) => !alreadySent.has(r.key) && compareDates(r.sendsOn, today) <= 0)
    .sort((a, b) => compareDates(a.sendsOn, b.sendsOn));
  if (due.length === 0) return { send: null, passed: [] };
  return { send: due[due.length - 1]!, passed: due.slice(0, -1) };
}

/** X1: the first day an extension may be filed (the window opens `opens` before expiry). */
export function extensionWindowOpensOn(validTo: IsoDate, program: Program): IsoDate {
  return subtractPeriod(validTo, program.extensionWindow.opens);
}

/**
 * 补正 deadline when a program says nothing: 30 calendar days from the request, reminded 5 days before. (Our
 * default; the seeds set no period. A program overrides it with `correctionDeadline`.)
 */
const DEFAULT_CORRECTION_DEADLINE = { days: 30, remindDaysBefore: 5 } as const;

function correctionDeadline(program: Program): { days: number; remindDaysBefore: number } {
  return program.correctionDeadline ?? DEFAULT_CORRECTION_DEADLINE;
}

export function correctionDueOn(requestedOn: IsoDate, program: Program): IsoDate {
  return addDays(requestedOn, correctionDeadline(program).days);
}

export function correctionReminderOn(dueOn: IsoDate, program: Program): IsoDate {
  return addDays(dueOn, -correctionDeadline(program).remindDaysBefore);
}

/** Expected decision when a program says nothing: 20 working days after 受理 (行政许可法 第四十二条). */
const DEFAULT_DECISION_WORKING_DAYS = 20;

export function expectedDecisionOn(
  acceptedOn: IsoDate,
  program: Program,
  calendar: WorkingCalendar = CHINA_CALENDAR,
): IsoDate {
  return addWorkingDays(acceptedOn, program.decisionWorkingDays ?? DEFAULT_DECISION_WORKING_DAYS, calendar);
}
