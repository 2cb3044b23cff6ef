/**
 * Calendar-date arithmetic on ISO `YYYY-MM-DD` strings, in UTC so no time zone can shift a day.
 * Registration deadlines are calendar dates (有效期至 2026-07-19), never instants.
 */

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: IsoDate): [number, number, number] {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`not an ISO date: ${date}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw new Error(`not a calendar date: ${date}`);
  return [y, mo, d];
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  try {
    parts(value);
    return true;
  } catch {
    return false;
  }
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fmt(y: number, mo: number, d: number): IsoDate {
  return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, mo, d] = parts(date);
  const t = new Date(Date.UTC(y, mo - 1, d + days));
  return fmt(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Adds calendar months; a day that does not exist in the target month is clamped (08-31 − 6 months → 02-28/29). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, mo, d] = parts(date);
  const index = y * 12 + (mo - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  return fmt(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** Negative if a < b, 0 if equal, positive if a > b. ISO strings compare lexicographically. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  parts(a);
  parts(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) <= 0 ? a : b;
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

export function yearOf(date: IsoDate): number {
  return parts(date)[0];
}

export function monthOf(date: IsoDate): number {
  return parts(date)[1];
}

/** A period as the sources state it: "3 个月", "30 日". */
export interface Period {
  readonly months?: number;
  readonly days?: number;
}

export function subtractPeriod(date: IsoDate, period: Period): IsoDate {
  return addDays(addMonths(date, -(period.months ?? 0)), -(period.days ?? 0));
}

export function addPeriod(date: IsoDate, period: Period): IsoDate {
  return addDays(addMonths(date, period.months ?? 0), period.days ?? 0);
}

export function periodLabel(period: Period): string {
  const out: string[] = [];
  if (period.months) out.push(`${period.months}个月`);
  if (period.days) out.push(`${period.days}日`);
  return out.join("") || "0日";
}
