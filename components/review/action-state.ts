/**
 * The state a review/employer form keeps between submissions (React `useActionState`): the service's message on
 * failure (plain Chinese, saying what to do next), per-field messages, and whether the page is stale (conflict).
 */
import { ServiceError } from "@/lib/services/errors";

export type FormState = {
  error?: string;
  fieldErrors?: Record<string, string>;
  /** Someone else acted first, or the page shows an old version: offer a refresh link. */
  stale?: boolean;
} | null;

export function stateFromError(e: unknown): FormState {
  if (e instanceof ServiceError) {
    return {
      error: e.message,
      fieldErrors: e.fieldErrors,
      stale: e.kind === "conflict" || e.kind === "not_found" || /刷新/.test(e.message),
    };
  }
  throw e;
}

export const SESSION_EXPIRED: FormState = { error: "登录已超时，请重新登录后再办理。" };

export function formString(fd: FormData, name: string, max = 2000): string {
  const v = fd.get(name);
  return typeof v === "string" ? v.trim().slice(0, max) : "";
}

export function formVersion(fd: FormData): number {
  const n = Number(fd.get("version"));
  return Number.isInteger(n) && n >= 0 ? n : -1;
}
