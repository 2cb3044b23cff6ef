/**
 * The one result every server action returns (issue 8 item 2). Forms show `error` above the fields and
 * `fieldErrors` next to them; `conflict`: the page shows an old state — offer 刷新页面; `captchaRequired`: show the
 * challenge for the next attempt. The success branch declares the failure fields as absent so a form can read
 * `state?.error` without narrowing first (a save's success carries its own `fieldErrors`: the problems it stored).
 */
export type ActionFailure = {
  ok: false;
  error: string;
  fieldErrors?: Record<string, string>;
  conflict?: boolean;
  captchaRequired?: boolean;
};

export type ActionResult<T extends object = object> =
  | ({ ok: true; error?: undefined; conflict?: undefined } & T)
  | ActionFailure;

/** What a `useActionState` form keeps between submissions: nothing yet, or the last action's result. */
export type FormState<T extends object = object> = (ActionResult<T> & { fieldErrors?: Record<string, string> }) | null;
