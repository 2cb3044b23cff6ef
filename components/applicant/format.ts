import type { FileLimit } from "@/lib/domain/programs";

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${Math.round(bytes / 1024)} KB`);

/** 格式 / 大小 / 推荐尺寸 of an upload kind, as the old systems print them (`003` §2.2, `000` §三.1(6)). */
export function limitLines(limit: FileLimit): string[] {
  const lines = [
    `格式：${limit.formats.map((f) => f.toUpperCase()).join("、")}`,
    limit.minBytes ? `大小：${size(limit.minBytes)}～${size(limit.maxBytes)}` : `大小：不超过 ${size(limit.maxBytes)}`,
  ];
  if (limit.recommendedPx)
    lines.push(`推荐尺寸：宽 ${limit.recommendedPx.width} × 高 ${limit.recommendedPx.height} 像素`);
  return lines;
}

export function acceptOf(limit: FileLimit): string {
  return (
    `${limit.formats.map((f) => `.${f}`).join(",")},` +
    `${[...new Set(limit.formats.map((f) => (f === "png" ? "image/png" : "image/jpeg")))].join(",")}`
  );
}

/** limitLines() in English (issue 14 item 4): format, size and recommended pixels of an upload kind. */
export function limitLinesEn(limit: FileLimit): string[] {
  const lines = [
    `Format: ${limit.formats.map((f) => f.toUpperCase()).join(", ")}`,
    limit.minBytes ? `size: ${size(limit.minBytes)} to ${size(limit.maxBytes)}` : `size: up to ${size(limit.maxBytes)}`,
  ];
  if (limit.recommendedPx)
    lines.push(`recommended: ${limit.recommendedPx.width} × ${limit.recommendedPx.height} pixels (width × height)`);
  return lines;
}
