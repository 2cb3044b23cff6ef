/** Date/time formatting for generated documents. Times are shown in China Standard Time (UTC+8, no DST). */

const CST_OFFSET_MS = 8 * 3_600_000;

function cstParts(at: Date) {
  const t = new Date(at.getTime() + CST_OFFSET_MS);
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return {
    y: p(t.getUTCFullYear(), 4),
    mo: p(t.getUTCMonth() + 1),
    d: p(t.getUTCDate()),
    h: p(t.getUTCHours()),
    mi: p(t.getUTCMinutes()),
    s: p(t.getUTCSeconds()),
  };
}

/** 2026-11-30 14:52:12 (Beijing time). */
export function formatDateTime(at: Date): string {
  const { y, mo, d, h, mi, s } = cstParts(at);
  return `${y}-${mo}-${d} ${h}:${mi}:${s}`;
}

/** 2026年11月30日 (Beijing time); ISO `YYYY-MM-DD` strings are taken as calendar dates. */
export function formatChineseDate(at: Date | string): string {
  if (typeof at === "string") {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(at);
    if (!m) return at;
    return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
  }
  const { y, mo, d } = cstParts(at);
  return `${y}年${Number(mo)}月${Number(d)}日`;
}

/** yyyyMMddHHmmss (Beijing time), as in F2 file names. */
export function compactTimestamp(at: Date): string {
  const { y, mo, d, h, mi, s } = cstParts(at);
  return `${y}${mo}${d}${h}${mi}${s}`;
}

/** PDF date string with the +08'00' offset, e.g. D:20261130145212+08'00'. */
export function pdfDate(at: Date): string {
  return `D:${compactTimestamp(at)}+08'00'`;
}
