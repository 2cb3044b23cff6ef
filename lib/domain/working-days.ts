/**
 * Working days in mainland China: Monday–Friday, minus public holidays, plus the weekend days the State Council
 * turns into workdays (调休上班). The calendar is data (lib/domain/data/china-public-holidays.json), updated once a
 * year when the next arrangement is published; a year not in the file counts weekends only.
 */
import calendarData from "./data/china-public-holidays.json";
import { addDays, compareDates, type IsoDate } from "./dates";

export interface WorkingCalendar {
  readonly holidays: ReadonlySet<IsoDate>;
  readonly adjustedWorkdays: ReadonlySet<IsoDate>;
}

export function calendarFrom(data: { years: Record<string, { holidays: string[]; adjustedWorkdays: string[] }> }): WorkingCalendar {
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

/** The date `n` working days after `from` (the day of 受理 itself does not count, as in 行政许可 time limits). */
export function addWorkingDays(from: IsoDate, n: number, calendar: WorkingCalendar = CHINA_CALENDAR): IsoDate {
  let date = from;
  let left = n;
  while (left > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(date, calendar)) left--;
  }
  return date;
}

/**
 * Working days from `today` to `due`: positive = days left (due date counted), 0 = due today, negative = working
 * days overdue. Reviewers' queues show this.
 */
export function workingDaysLeft(today: IsoDate, due: IsoDate, calendar: WorkingCalendar = CHINA_CALENDAR): number {
  const cmp = compareDates(today, due);
  if (cmp === 0) return 0;
  let count = 0;
  if (cmp < 0) {
    for (let d = addDays(today, 1); compareDates(d, due) <= 0; d = addDays(d, 1)) if (isWorkingDay(d, calendar)) count++;
    return count;
  }
  for (let d = addDays(due, 1); compareDates(d, today) <= 0; d = addDays(d, 1)) if (isWorkingDay(d, calendar)) count--;
  return count;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: WorkingCalendar = CHINA_CALENDAR): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, calendar)) n += 1;
  return n;
}

/**
 * Received before the returned date ⇔ more than `limit` working days have passed by `today`, i.e. the time limit is
 * exceeded. (It is the (limit+1)-th working day counting back from today, today included.)
 */
export function overdueIfReceivedBefore(today: IsoDate, limit: number, calendar: WorkingCalendar = CHINA_CALENDAR): IsoDate {
  let d = today;
  let seen = 0;
  for (;;) {
    if (isWorkingDay(d, calendar)) seen += 1;
    if (seen === limit + 1) return d;
    d = addDays(d, -1);
  }
}
