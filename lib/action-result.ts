/**
 * What every server action returns; forms show `error` above the fields and `fieldErrors` next to them.
 * `captchaRequired`: the form must show the image captcha for the next attempt.
 */
export type ActionResult<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; error: string; fieldErrors?: Record<string, string>; captchaRequired?: boolean };
