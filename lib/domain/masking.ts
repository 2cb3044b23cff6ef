/**
 * How personal data appears on public pages (公示公告): the seeds print phone numbers as 159****6918; names and
 * document numbers on a public list keep only what identifies the entry to its owner.
 */

/** 王堃 → 王*, 李小喆 → 李*喆, 欧阳娜娜 → 欧**娜; a single character stays (nothing to hide). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join("");
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${"*".repeat(chars.length - 2)}${chars.at(-1)}`;
}

/** 310101198803150012 → 3101**********0012; short numbers keep their first and last character only. */
export function maskIdNumber(idNumber: string): string {
  const chars = [...idNumber.trim()];
  if (chars.length <= 2) return "*".repeat(chars.length);
  if (chars.length < 10) return `${chars[0]}${"*".repeat(chars.length - 2)}${chars.at(-1)}`;
  return `${chars.slice(0, 4).join("")}${"*".repeat(chars.length - 8)}${chars.slice(-4).join("")}`;
}

/** 15912346918 → 159****6918 (the seeds' form). */
export function maskPhone(phone: string): string {
  const digits = phone.trim();
  if (digits.length < 7) return "*".repeat(digits.length);
  return `${digits.slice(0, 3)}${"*".repeat(digits.length - 7)}${digits.slice(-4)}`;
}
