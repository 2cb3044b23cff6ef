"use server";

import { sendCodeAction, setPasswordAction } from "@/app/(public)/login/password-code-actions";

export const sendEmployerResetCode = sendCodeAction("employer", "reset_password");

export const resetEmployerWithCode = setPasswordAction("employer", "reset_password");
