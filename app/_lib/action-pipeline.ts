import { createSafeActionClient, returnServerError } from "next-safe-action";
import type { z } from "zod";
import type { ActionFailure, ActionResult, FormState } from "@/lib/action-result";
import type { UserRole } from "@/lib/domain/types";
import { getCurrentUser, type CurrentUser } from "@/lib/server/auth";
import { logError } from "@/lib/server/log";
import { actorFromUser, type Actor } from "@/lib/services/actor";
import { ServiceError } from "@/lib/services/errors";

/**
 * The one way into the server (issue 8 item 2, ADR 0008). Every server action is
 *   access check (session from next-auth, deny by default) → zod schema → one service → ActionResult,
 * built on next-safe-action. Nothing reaches a service unparsed, a ServiceError becomes the plain-Chinese message
 * the form shows, and anything unexpected is logged and answered with a message instead of a 500 (issue 9 item 7).
 */

const SESSION_EXPIRED = "登录已超时，请重新登录后再操作（已保存的内容不会丢失）。";
const INVALID_INPUT = "填写的信息有误，请按提示修改后重新提交。";
export const UNEXPECTED = "系统暂时无法完成此操作，请稍后重试；如仍有问题请联系管理员。";

/** Who may call an action: one role, or anyone (sign-in helpers such as 获取密码). */
export type Access = UserRole | "public" | "signed-in";
export type SignedIn = { user: CurrentUser; actor: Actor; personId: string };
type Ctx<A extends Access> = A extends "public" ? { user: CurrentUser | null } : SignedIn;

function failureOf(e: ServiceError): ActionFailure {
  // Someone acted first, the record is gone for this user, or the message itself asks for a refresh: offer 刷新页面.
  const conflict = e.kind === "conflict" || e.kind === "not_found" || /刷新/.test(e.message);
  return { ok: false, error: e.message, fieldErrors: e.fieldErrors, conflict: conflict || undefined };
}

const client = createSafeActionClient<undefined, ActionFailure>({
  handleServerError(e) {
    if (e instanceof ServiceError) return failureOf(e);
    logError(e, { msg: "server action failed" });
    return { ok: false, error: UNEXPECTED };
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
    if (!allowed(access, user)) returnServerError<ActionFailure>({ ok: false, error: SESSION_EXPIRED });
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
    .inputSchema(schema, { handleValidationErrorsShape: async (ve) => fieldErrorsOf(ve) })
    .action(async ({ parsedInput, ctx }) => run(parsedInput as z.output<S>, ctx as Ctx<A>));
  return async (input) => {
    const res = await safe(input as never);
    if (res.serverError) return res.serverError;
    if (res.validationErrors) {
      // One problem: say it above the form too; several: point to the marked fields.
      const messages = Object.values(res.validationErrors);
      return {
        ok: false,
        error: messages.length === 1 ? messages[0]! : INVALID_INPUT,
        fieldErrors: res.validationErrors,
      };
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
