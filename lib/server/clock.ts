import type { IsoDate } from "@/lib/domain/dates";

/** The registration authorities work in China Standard Time; "today" is the date there, whatever the server's zone. */
export function chinaDate(at: Date): IsoDate {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at) as IsoDate;
}
