/**
 * The password rule as shown to people. Pure (no zod, no node:crypto) so the browser's login and password forms can
 * check it without shipping a schema library; lib/server/password.ts passwordProblem applies the same rule.
 */
export const PASSWORD_RULE = "密码长度8–64位，须同时包含字母和数字。";

export function passwordRuleProblem(password: string): string | null {
  if (password.length < 8 || password.length > 64 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    return PASSWORD_RULE;
  }
  return null;
}
