/**
 * 注册编号 as people type it: full-width brackets and digits, spaces, a missing pair of brackets.
 * Everything is brought to the register's spelling (`建[造]21223301000001`) before the lookup.
 */

/** Bracket-like characters people type instead of the ASCII square brackets (after NFKC, ［］（） are already ASCII). */
const OPENING = /[【〔〖「『(<《〈]/g;
const CLOSING = /[】〕〗」』)>》〉]/g;

export const REGISTRATION_NO_EXAMPLE = "建[造]21223301000001";

/** Light check only: 建 + [one or two characters] + digits. The register decides whether the number exists. */
const SHAPE = /^建\[[\u4e00-\u9fff]{1,2}\]\d{10,16}$/;

export function normalizeRegistrationNo(input: string): string {
  let v = input.normalize("NFKC").replace(/\s+/g, "").replace(OPENING, "[").replace(CLOSING, "]");
  // "建造21223301000001" → "建[造]21223301000001"
  const bare = /^建([造筑勘])(\d+)$/.exec(v);
  if (bare) v = `建[${bare[1]}]${bare[2]}`;
  return v;
}

export type RegistrationNoCheck = { ok: true; value: string } | { ok: false; value: string; error: string };

export function checkRegistrationNo(input: string | null | undefined): RegistrationNoCheck {
  const value = normalizeRegistrationNo(input ?? "");
  if (!value) return { ok: false, value, error: "请输入注册编号，例如 建[造]21223301000001。" };
  if (value.length > 40 || !SHAPE.test(value)) {
    return {
      ok: false,
      value: value.slice(0, 40),
      error: `注册编号格式不正确。注册编号以“建[造]”“建[筑]”或“建[勘]”开头，后接十几位数字（如 ${REGISTRATION_NO_EXAMPLE}），请对照证书核对后重新输入。`,
    };
  }
  return { ok: true, value };
}

/** A dynamic route segment may reach the page still percent-encoded (non-ASCII characters); decode it once, safely. */
export function registrationNoFromSegment(segment: string): string {
  if (!segment.includes("%")) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function verifyPath(registrationNo: string): string {
  return `/verify/${encodeURIComponent(registrationNo)}`;
}
