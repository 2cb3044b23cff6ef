"use server";

import { sendCodeAction, setPasswordAction } from "@/lib/server/password-code-actions";

export async function sendEmployerResetCode(input: Record<string, string>) {
  return sendCodeAction("employer", "reset_password", input);
}

export async function resetEmployerWithCode(input: Record<string, string>) {
  return setPasswordAction("employer", "reset_password", input);
}
