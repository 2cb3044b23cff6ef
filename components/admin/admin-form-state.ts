import type { FormState } from "@/lib/action-result";

/** What an administration form shows after submitting: the outcome, and a one-time password when one was made. */
export type AdminFormState = FormState<{ message: string; oneTimePassword?: string }>;
