import type { ActionResult } from "@/lib/action-result";
import { ServiceError } from "@/lib/services/errors";

/**
 * The tail of every server action: run one service call and turn its ServiceError (already plain Chinese, saying
 * what to do next) into the typed result the form shows. Anything unexpected is rethrown (error boundary + log).
 */
export async function runService<T extends object>(call: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, ...(await call()) };
  } catch (e) {
    if (e instanceof ServiceError) return { ok: false, error: e.message, fieldErrors: e.fieldErrors };
    throw e;
  }
}
