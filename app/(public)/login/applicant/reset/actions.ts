"use server";

import { sendCodeAction, setPasswordAction } from "@/app/(public)/login/password-code-actions";

export const sendResetCode = sendCodeAction("applicant", "reset_password");

export const resetWithCode = setPasswordAction("applicant", "reset_password");
