import { randomInt } from "node:crypto";

// No 0/O, 1/l/I: the administrator reads it out or writes it down for the user.
const LETTERS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
const DIGITS = "23456789";

/**
 * A one-time password an administrator hands over (new account, reset). It satisfies the password rule (letters and
 * digits); the account is marked must-change, so the user replaces it at the next sign-in.
 */
export function temporaryPassword(length = 12): string {
  const all = LETTERS + DIGITS;
  const chars = [LETTERS[randomInt(LETTERS.length)]!, DIGITS[randomInt(DIGITS.length)]!];
  while (chars.length < length) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join("");
}
