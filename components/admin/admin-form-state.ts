/** What an administration form shows after submitting: the outcome, and a one-time password when one was made. */
export type AdminFormState = {
  ok?: boolean;
  message?: string;
  /** A one-time password shown once to the administrator, who hands it over. */
  oneTimePassword?: string;
  error?: string;
  fieldErrors?: Record<string, string>;
} | null;
