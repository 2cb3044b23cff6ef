/**
 * Check digits of Chinese identity numbers. Pure functions: used by forms (instant feedback), server actions
 * (authoritative validation) and the seed (so demo numbers are valid).
 */

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_ID_CHECK = "10X98765432";

/** Check character of an 18-digit 居民身份证号码 (GB 11643-1999, ISO 7064 MOD 11-2), given its first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error("residentIdCheckChar needs 17 digits");
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * RESIDENT_ID_WEIGHTS[i]!;
  return RESIDENT_ID_CHECK[sum % 11]!;
}

/** Reasons are plain Chinese so the form can show them as they are. Returns null when valid. */
function residentIdProblem(value: string): string | null {
  const v = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return "居民身份证号码应为18位（前17位为数字，最后一位为数字或X），请核对后重新输入。";
  const birth = v.slice(6, 14);
  const y = Number(birth.slice(0, 4));
  const m = Number(birth.slice(4, 6));
  const d = Number(birth.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return "居民身份证号码中的出生日期无效，请核对后重新输入。";
  }
  if (residentIdCheckChar(v.slice(0, 17)) !== v[17]) return "居民身份证号码校验位不正确，请核对后重新输入。";
  return null;
}

// 统一社会信用代码 (GB 32100-2015): 18 characters from this alphabet, the last a MOD 31 check character.
const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i] ?? "");
    if (value < 0) throw new Error("usccCheckChar: invalid character");
    sum += value * USCC_WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

export function usccProblem(value: string): string | null {
  const v = value.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(v)) {
    return "统一社会信用代码应为18位数字或大写字母（不含I、O、Z、S、V），请核对营业执照后重新输入。";
  }
  if (usccCheckChar(v.slice(0, 17)) !== v[17]) return "统一社会信用代码校验位不正确，请核对营业执照后重新输入。";
  return null;
}

/** 港澳台居民居住证 numbers follow the resident-ID layout with address codes 810000/820000/830000. */
function residencePermitProblem(value: string): string | null {
  const v = value.trim().toUpperCase();
  if (!/^8[123]0000/.test(v)) return "港澳台居民居住证号码应以810000、820000或830000开头，请核对后重新输入。";
  return residentIdProblem(v);
}

/** Validation per 证件类型. Types without a public checksum get a format check only. */
export function idNumberProblem(type: string, value: string): string | null {
  const v = value.trim();
  switch (type) {
    case "resident_id":
      return residentIdProblem(v);
    case "hmt_residence_permit":
      return residencePermitProblem(v);
    case "hk_surveyor_mutual":
      return /^[A-Z0-9-]{4,20}$/i.test(v)
        ? null
        : "香港测量师互认证号格式不正确（4–20位字母、数字或-），请核对后重新输入。";
    case "passport":
      return /^[A-Z0-9]{5,17}$/i.test(v) ? null : "护照号码格式不正确（5–17位字母或数字），请核对后重新输入。";
    default:
      return "请选择证件类型。";
  }
}
