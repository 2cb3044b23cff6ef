"use server";

import { sendCodeAction, setPasswordAction } from "@/lib/server/password-code-actions";

export const sendResetCode = sendCodeAction("applicant", "reset_password");

export const resetWithCode = setPasswordAction("applicant", "reset_password");
