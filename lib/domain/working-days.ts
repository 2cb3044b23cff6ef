/**
 * Working-day arithmetic for 办理时限 (Monday–Friday; public holidays are not modelled, so a limit that spans a
 * holiday is reported early rather than late).
 */
import { addDays, type IsoDate } from "./dates";

function isWorkingDay(date: IsoDate): boolean {
  const w = new Date(`${date}T00:00:00Z`).getUTCDay();
  return w !== 0 && w !== 6;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) n += 1;
  return n;
}

/**
 * Received before the returned date ⇔ more than `limit` working days have passed by `today`, i.e. the time limit is
 * exceeded. (It is the (limit+1)-th working day counting back from today, today included.)
 */
export function overdueIfReceivedBefore(today: IsoDate, limit: number): IsoDate {
  let d = today;
  let seen = 0;
  for (;;) {
    if (isWorkingDay(d)) seen += 1;
    if (seen === limit + 1) return d;
    d = addDays(d, -1);
  }
}
