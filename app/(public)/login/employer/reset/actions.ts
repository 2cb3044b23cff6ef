"use server";

import { sendCodeAction, setPasswordAction } from "@/lib/server/password-code-actions";

export const sendEmployerResetCode = sendCodeAction("employer", "reset_password");

export const resetEmployerWithCode = setPasswordAction("employer", "reset_password");
