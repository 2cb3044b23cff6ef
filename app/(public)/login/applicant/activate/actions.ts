"use server";

import { sendCodeAction, setPasswordAction } from "@/lib/server/password-code-actions";

export async function sendActivationCode(input: Record<string, string>) {
  return sendCodeAction("applicant", "activate", input);
}

export async function activate(input: Record<string, string>) {
  return setPasswordAction("applicant", "activate", input);
}
