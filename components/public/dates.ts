const date = new Intl.DateTimeFormat("zh-CN", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  timeZone: "Asia/Shanghai",
});

/** 2026-11-30 in China time. */
export function formatDate(d: Date | string | null | undefined): string {
  if (!d) return "—";
  return date.format(typeof d === "string" ? new Date(d) : d).replace(/\//g, "-");
}
