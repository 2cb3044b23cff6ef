/**
 * Working days in mainland China: Monday–Friday, minus public holidays, plus the weekend days the State Council
 * turns into workdays (调休上班). The calendar is data (lib/domain/data/china-public-holidays.json), updated once a
 * year when the next arrangement is published; a year not in the file counts weekends only.
 */
import calendarData from "./data/china-public-holidays.json" with { type: "json" };
import { addDays, compareDates, type IsoDate } from "./dates";

export interface WorkingCalendar {
  readonly holidays: ReadonlySet<IsoDate>;
  readonly adjustedWorkdays: ReadonlySet<IsoDate>;
}

function calendarFrom(data: {
  years: Record<string, { holidays: string[]; adjustedWorkdays: string[] }>;
}): WorkingCalendar {
  const years = Object.values(data.years);
  return {
    holidays: new Set(years.flatMap((y) => y.holidays)),
    adjustedWorkdays: new Set(years.flatMap((y) => y.adjustedWorkdays)),
  };
}

export const CHINA_CALENDAR: WorkingCalendar = calendarFrom(calendarData);

export function isWorkingDay(date: IsoDate, calendar: WorkingCalendar = CHINA_CALENDAR): boolean {
  if (calendar.adjustedWorkdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The one calendar walk: the working days after `from` (`step` 1) or before it (`step` -1), `from` itself excluded,
 * nearest first. Every working-day question below is a view of this walk, so they cannot disagree on the calendar.
 */
function* workingDaysFrom(from: IsoDate, step: 1 | -1, calendar: WorkingCalendar): Generator<IsoDate, never> {
  for (let date = addDays(from, step); ; date = addDays(date, step)) if (isWorkingDay(date, calendar)) yield date;
}

/** The `n`-th date of the walk (n ≥ 1). */
function nthWorkingDay(from: IsoDate, n: number, step: 1 | -1, calendar: WorkingCalendar): IsoDate {
  let seen = 0;
  for (const date of workingDaysFrom(from, step, calendar)) if (++seen === n) return date;
  throw new Error("unreachable: the walk never ends");
}

/** The date `n` working days after `from` (the day of 受理 itself does not count, as in 行政许可 time limits). */
export function addWorkingDays(from: IsoDate, n: number, calendar: WorkingCalendar = CHINA_CALENDAR): IsoDate {
  return n > 0 ? nthWorkingDay(from, n, 1, calendar) : from;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: WorkingCalendar = CHINA_CALENDAR): number {
  let n = 0;
  for (const date of workingDaysFrom(from, 1, calendar)) {
    if (compareDates(date, to) > 0) break;
    n += 1;
  }
  return n;
}

/**
 * Working days from `today` to `due`: positive = days left (due date counted), 0 = due today, negative = working
 * days overdue. Reviewers' queues show this.
 */
export function workingDaysLeft(today: IsoDate, due: IsoDate, calendar: WorkingCalendar = CHINA_CALENDAR): number {
  // `0 - n`, not `-n`: overdue by no working day (a weekend after the due date) is 0, never -0.
  return compareDates(today, due) <= 0
    ? workingDaysBetween(today, due, calendar)
    : 0 - workingDaysBetween(due, today, calendar);
}

/**
 * Received before the returned date ⇔ more than `limit` working days have passed by `today`, i.e. the time limit is
 * exceeded. (It is the (limit+1)-th working day counting back from today, today included.)
 */
export function overdueIfReceivedBefore(
  today: IsoDate,
  limit: number,
  calendar: WorkingCalendar = CHINA_CALENDAR,
): IsoDate {
  return nthWorkingDay(addDays(today, 1), limit + 1, -1, calendar);
}
