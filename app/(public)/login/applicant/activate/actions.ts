"use server";

import { sendCodeAction, setPasswordAction } from "@/app/(public)/login/password-code-actions";

export const sendActivationCode = sendCodeAction("applicant", "activate");

export const activate = setPasswordAction("applicant", "activate");
