import type { z } from "zod";
import type { AdminFormState } from "@/components/admin/admin-form-state";
import { getCurrentUser } from "@/lib/server/auth";
import { actorFromUser, type Actor } from "@/lib/services/actor";
import { ServiceError } from "@/lib/services/errors";

/** The signed-in administrator of this server action, or null. */
async function adminActor(): Promise<Actor | null> {
  const user = await getCurrentUser();
  return user && user.role === "admin" ? actorFromUser(user) : null;
}

/** Form fields as strings (a checkbox that is not ticked is absent). */
function fields(fd: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(fd instanceof FormData)) return out; // a hand-made call without a form: the schema then names what is missing
  for (const [k, v] of fd.entries()) if (typeof v === "string" && !k.startsWith("$")) out[k] = v.slice(0, 500);
  return out;
}

/** Parses with a form schema; the first message per field goes next to that field. */
export function parseForm<S extends z.ZodType>(schema: S, fd: FormData): { data: z.infer<S> } | { state: AdminFormState } {
  const parsed = schema.safeParse(fields(fd));
  if (parsed.success) return { data: parsed.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "_")] ??= issue.message;
  return { state: { error: "请按提示修改标出的项目后再提交。", fieldErrors } };
}

/** Runs one administration service; its ServiceError becomes the form's message (nothing entered is lost). */
export async function adminAct(call: (actor: Actor) => Promise<AdminFormState>): Promise<AdminFormState> {
  const actor = await adminActor();
  if (!actor) return { error: "登录已超时，请重新登录后再操作。" };
  try {
    return await call(actor);
  } catch (e) {
    if (e instanceof ServiceError) return { error: e.message, fieldErrors: e.fieldErrors };
    throw e;
  }
}
