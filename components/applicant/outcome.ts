/** What applicant server actions return. `conflict`: someone changed the record first — the page offers 刷新. */
export type Outcome<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; error: string; fieldErrors?: Record<string, string>; conflict?: boolean };
