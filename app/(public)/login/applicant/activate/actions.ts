"use server";

import { sendCodeAction, setPasswordAction } from "@/app/(public)/login/password-code-actions";

export async function sendActivationCode(input: Record<string, string>) {
  return sendCodeAction("applicant", "activate", input);
}

export async function activate(input: Record<string, string>) {
  return setPasswordAction("applicant", "activate", input);
}
