/**
 * The browser's own checks for the login and password pages, hand-written so those pages ship no zod (issue 12,
 * item 4; zod + react-hook-form were ≈55 KB gzipped there). They only give instant feedback with the same words as
 * lib/schemas/accounts.ts; the server still parses every submission with those schemas and its answer is shown as
 * well. tests/unit/auth/client-checks.test.ts keeps the two in step.
 */
import { idNumberProblem, usccProblem } from "@/lib/domain/id-checksums";
import { ID_DOCUMENT_TYPES, type IdDocumentType } from "@/lib/domain/types";
import { newPasswordProblems, type Problems, put, type Values } from "./account-checks";

export type IdentityKind = "applicant" | "employer" | "staff";

function textProblem(value: string | undefined, empty: string, max: number, tooLong: string): string | null {
  const v = (value ?? "").trim();
  return v === "" ? empty : v.length > max ? tooLong : null;
}

/** The account identity: 证件类型 + 证件号码, 统一社会信用代码, or 用户名. */
export function identityProblems(kind: IdentityKind, v: Values): Problems {
  const out: Problems = {};
  if (kind === "applicant") {
    const idType = v.idType as IdDocumentType;
    if (!ID_DOCUMENT_TYPES.includes(idType)) put(out, "idType", "请选择证件类型。");
    put(out, "idNumber", textProblem(v.idNumber, "请输入证件号码。", 32, "证件号码过长，请核对后重新输入。"));
    if (!out.idType && !out.idNumber)
      put(out, "idNumber", idNumberProblem(idType, (v.idNumber ?? "").trim().toUpperCase()));
  } else if (kind === "employer") {
    put(
      out,
      "uscc",
      textProblem(v.uscc, "请输入统一社会信用代码。", 18, "统一社会信用代码应为18位，请核对营业执照后重新输入。"),
    );
    if (!out.uscc) put(out, "uscc", usccProblem((v.uscc ?? "").trim().toUpperCase()));
  } else {
    put(out, "username", textProblem(v.username, "请输入用户名。", 64, "用户名过长，请核对后重新输入。"));
  }
  return out;
}

export function loginProblems(kind: IdentityKind, v: Values): Problems {
  const out = identityProblems(kind, v);
  const password = v.password ?? "";
  put(
    out,
    "password",
    password === "" ? "请输入密码。" : password.length > 128 ? "密码过长，请核对后重新输入。" : null,
  );
  return out;
}

/** Step 2 of 获取密码 / 找回密码: SMS code, new password twice. */
export function setPasswordProblems(kind: "applicant" | "employer", v: Values): Problems {
  const out = identityProblems(kind, v);
  put(out, "code", /^\d{6}$/.test((v.code ?? "").trim()) ? null : "请输入短信中收到的6位数字验证码。");
  newPasswordProblems(out, v);
  return out;
}

/** What the server's schemas do to the identity before use (trim; 证件号码 and 统一社会信用代码 upper-case). */
export function trimIdentity(v: Record<string, string>): Record<string, string> {
  const out = { ...v };
  for (const k of ["idNumber", "uscc", "username"]) if (out[k] !== undefined) out[k] = out[k].trim();
  for (const k of ["idNumber", "uscc"]) if (out[k] !== undefined) out[k] = out[k].toUpperCase();
  return out;
}
