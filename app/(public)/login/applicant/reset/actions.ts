"use server";

import { sendCodeAction, setPasswordAction } from "@/lib/server/password-code-actions";

export async function sendResetCode(input: Record<string, string>) {
  return sendCodeAction("applicant", "reset_password", input);
}

export async function resetWithCode(input: Record<string, string>) {
  return setPasswordAction("applicant", "reset_password", input);
}
