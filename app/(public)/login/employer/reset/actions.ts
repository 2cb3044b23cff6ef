"use server";

import { sendCodeAction, setPasswordAction } from "@/app/(public)/login/password-code-actions";

export async function sendEmployerResetCode(input: Record<string, string>) {
  return sendCodeAction("employer", "reset_password", input);
}

export async function resetEmployerWithCode(input: Record<string, string>) {
  return setPasswordAction("employer", "reset_password", input);
}
