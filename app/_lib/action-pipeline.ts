import { createSafeActionClient, returnServerError } from "next-safe-action";
import type { z } from "zod";
import type { ActionFailure, ActionResult, FormState } from "@/lib/action-result";
import type { UserRole } from "@/lib/domain/types";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { validationMessage } from "@/lib/schemas/messages";
import { getCurrentUser, type CurrentUser } from "@/lib/server/auth";
import { requestLocale } from "@/lib/server/locale";
import { logError } from "@/lib/server/log";
import { actorFromUser, type Actor } from "@/lib/services/actor";
import { ServiceError } from "@/lib/services/errors";

/**
 * The one way into the server (issue 8 item 2, ADR 0008). Every server action is
 *   access check (session from next-auth, deny by default) → zod schema → one service → ActionResult,
 * built on next-safe-action. Nothing reaches a service unparsed, a ServiceError becomes the plain message the form
 * shows, and anything unexpected is logged and answered with a message instead of a 500 (issue 9 item 7).
 *
 * Every message is said in the reader's language (ADR 0010): the actor's for a signed-in action, else the request's
 * (the cookie set by the language switch). The Chinese texts below are the zh-CN catalog's (`errors.pipeline`).
 */

const pipelineText = (locale: Locale) => translator(locale, "errors");
const SESSION_EXPIRED = (locale: Locale) => pipelineText(locale)("pipeline.sessionExpired");
const CHANGE_PASSWORD_FIRST = (locale: Locale) => pipelineText(locale)("pipeline.changePasswordFirst");
const INVALID_INPUT = (locale: Locale) => pipelineText(locale)("pipeline.invalidInput");
export const UNEXPECTED = pipelineText(DEFAULT_LOCALE)("pipeline.unexpected");

/** The language of whoever called: the signed-in actor's, else the request's. */
async function readerLocale(ctx: unknown): Promise<Locale> {
  const actor = (ctx as Partial<SignedIn> | undefined)?.actor;
  return actor?.locale ?? (await anonymousLocale());
}

/** Without a session: the request's choice (cookie); a call outside a Next.js request has none, so Chinese. */
const anonymousLocale = () => requestLocale().catch(() => DEFAULT_LOCALE);

/** A schema's message in the reader's language (a text not made from the catalog is shown as it is). */
function inputMessage(text: string, locale: Locale): string {
  const known = locale === DEFAULT_LOCALE ? undefined : validationMessage(text);
  return known ? translator(locale, "validation")(known.key, known.values) : text;
}

/** Who may call an action: one role, or anyone (sign-in helpers such as 获取密码). */
export type Access = UserRole | "public" | "signed-in";
export type SignedIn = { user: CurrentUser; actor: Actor; personId: string };
type Ctx<A extends Access> = A extends "public" ? { user: CurrentUser | null } : SignedIn;

function failureOf(e: ServiceError, locale: Locale): ActionFailure {
  // Someone acted first, the record is gone for this user, or the message itself asks for a refresh: offer 刷新页面.
  // (`message` is always the Chinese text, whatever the reader's language.)
  const conflict = e.kind === "conflict" || e.kind === "not_found" || /刷新/.test(e.message);
  return {
    ok: false,
    error: e.messageIn(locale),
    fieldErrors: e.fieldErrorsIn(locale),
    conflict: conflict || undefined,
  };
}

const client = createSafeActionClient<undefined, ActionFailure>({
  async handleServerError(e, { ctx }) {
    const locale = await readerLocale(ctx);
    if (e instanceof ServiceError) return failureOf(e, locale);
    logError(e, { msg: "server action failed" });
    return { ok: false, error: pipelineText(locale)("pipeline.unexpected") };
  },
});

function allowed(access: Access, user: CurrentUser | null): user is CurrentUser {
  if (!user) return false;
  if (access === "signed-in") return true;
  // An applicant session without a person cannot own anything an applicant action touches.
  return user.role === access && (access !== "applicant" || !!user.personId);
}

function clientFor<A extends Access>(access: A) {
  return client.use(async ({ next }) => {
    const user = await getCurrentUser();
    if (access === "public") return next({ ctx: { user } as Ctx<A> });
    if (!allowed(access, user)) {
      returnServerError<ActionFailure>({ ok: false, error: SESSION_EXPIRED(await anonymousLocale()) });
    }
    // A one-time password's session may only choose a new password (the only "signed-in" action is 修改登录密码).
    // The proxy keeps such users on that page, but it does not run for actions (proxy.ts).
    if (user!.mustChangePassword && access !== "signed-in") {
      returnServerError<ActionFailure>({ ok: false, error: CHANGE_PASSWORD_FIRST(user!.locale) });
    }
    const ctx: SignedIn = { user: user!, actor: actorFromUser(user!), personId: user!.personId ?? "" };
    return next({ ctx: ctx as Ctx<A> });
  });
}

/**
 * next-safe-action's formatted errors (`{ values: { address: { _errors: ["…"] } } }`) → `{ address: "…" }`: the
 * first message per field, keyed by the innermost field name, which is the name of the input the form shows.
 */
function fieldErrorsOf(node: unknown, path: string[] = [], out: Record<string, string> = {}): Record<string, string> {
  if (typeof node !== "object" || node === null) return out;
  for (const [k, v] of Object.entries(node)) {
    if (k === "_errors" && Array.isArray(v) && typeof v[0] === "string") {
      out[path.filter((p) => !/^\d+$/.test(p)).at(-1) ?? "_"] ??= v[0];
    } else if (k !== "_errors") fieldErrorsOf(v, [...path, k], out);
  }
  return out;
}

type Result<T> = T | ActionResult<T & object>;
const isResult = (v: unknown): v is ActionResult =>
  typeof v === "object" && v !== null && typeof (v as { ok?: unknown }).ok === "boolean";

/** Core: the safe action for one schema and one service call, unwrapped to the portal's single result type. */
function build<A extends Access, S extends z.ZodType, T extends object>(
  access: A,
  schema: S,
  run: (input: z.output<S>, ctx: Ctx<A>) => Promise<Result<T>>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  const safe = clientFor(access)
    .inputSchema(schema, {
      handleValidationErrorsShape: async (ve, { ctx }) => {
        const locale = await readerLocale(ctx);
        const errors = fieldErrorsOf(ve);
        for (const k of Object.keys(errors)) errors[k] = inputMessage(errors[k]!, locale);
        return { errors, locale };
      },
    })
    .action(async ({ parsedInput, ctx }) => run(parsedInput as z.output<S>, ctx as Ctx<A>));
  return async (input) => {
    const res = await safe(input as never);
    if (res.serverError) return res.serverError;
    if (res.validationErrors) {
      // One problem: say it above the form too; several: point to the marked fields.
      const { errors, locale } = res.validationErrors;
      const messages = Object.values(errors);
      return { ok: false, error: messages.length === 1 ? messages[0]! : INVALID_INPUT(locale), fieldErrors: errors };
    }
    const data = res.data as Result<T>;
    return isResult(data) ? (data as ActionResult<T>) : ({ ok: true, ...data } as ActionResult<T>);
  };
}

/** An action called from client code with one object. */
export function action<A extends Access, S extends z.ZodType, T extends object>(
  access: A,
  schema: S,
  run: (input: z.output<S>, ctx: Ctx<A>) => Promise<Result<T>>,
) {
  return build(access, schema, run);
}

/** An action the client calls with positional arguments: the schema is a tuple, one element per argument. */
export function positional<A extends Access, S extends z.ZodTuple, T extends object>(
  access: A,
  schema: S,
  run: (args: z.output<S>, ctx: Ctx<A>) => Promise<Result<T>>,
): (...args: z.input<S>) => Promise<ActionResult<T>> {
  const call = build(access, schema, run);
  return (...args) => call(args as z.input<S>);
}

/**
 * A `<form action>` with `useActionState`: the posted fields become one object (a repeated field becomes a list;
 * React's own `$ACTION…` fields are dropped), then the same pipeline. `bound`: arguments bound on the page (row id).
 */
export function formAction<A extends Access, S extends z.ZodType, T extends object>(
  access: A,
  schema: S,
  run: (input: z.output<S>, ctx: Ctx<A>) => Promise<Result<T>>,
): (prev: unknown, fd: FormData) => Promise<FormState<T>> {
  const call = build(access, schema, run);
  return (_prev, fd) => call(formObject(fd) as z.input<S>);
}

function formObject(fd: FormData, bound: Record<string, unknown> = {}): Record<string, unknown> {
  // A hand-made call to the action endpoint need not send a form: read nothing, so the role check still answers
  // first (deny by default) and the schema refuses the rest — never a 500 (ASVS V4.1.1).
  if (!(fd instanceof FormData)) return { ...bound };
  const out: Record<string, unknown> = {};
  for (const key of new Set(fd.keys())) {
    if (key.startsWith("$")) continue;
    const all = fd.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return { ...out, ...bound };
}

/** A form action with one id bound on the page (`action.bind(null, row.id)`), parsed with the posted fields. */
export function boundFormAction<A extends Access, S extends z.ZodType, T extends object>(
  access: A,
  schema: S,
  run: (input: z.output<S>, ctx: Ctx<A>) => Promise<Result<T>>,
): (id: string, prev: unknown, fd: FormData) => Promise<FormState<T>> {
  const call = build(access, schema, run);
  return (id, _prev, fd) => call(formObject(fd, { id }) as z.input<S>);
}

/** A plain `<form action>` (works without client JS, nothing to show back): the same pipeline, result dropped. */
export function plainFormAction<A extends Access, S extends z.ZodType, T extends object>(
  access: A,
  schema: S,
  run: (input: z.output<S>, ctx: Ctx<A>) => Promise<Result<T>>,
): (fd: FormData) => Promise<void> {
  const call = build(access, schema, run);
  return async (fd) => void (await call(formObject(fd) as z.input<S>));
}
