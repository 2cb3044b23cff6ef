"use server";

import { sendCodeAction, setPasswordAction } from "@/lib/server/password-code-actions";

export const sendActivationCode = sendCodeAction("applicant", "activate");

export const activate = setPasswordAction("applicant", "activate");
