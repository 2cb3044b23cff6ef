"use server";

import { sendCodeAction, setPasswordAction } from "@/app/(public)/login/password-code-actions";

export async function sendResetCode(input: Record<string, string>) {
  return sendCodeAction("applicant", "reset_password", input);
}

export async function resetWithCode(input: Record<string, string>) {
  return setPasswordAction("applicant", "reset_password", input);
}
