import { getCurrentUser } from "@/lib/server/auth";
import { actorFromUser, type Actor } from "@/lib/services/actor";
import { ServiceError } from "@/lib/services/errors";
import type { Outcome } from "@/components/applicant/outcome";

export type ApplicantSession = { userId: string; personId: string; actor: Actor };

/** The signed-in applicant of this server action, or null (then the action says to sign in again). */
export async function applicantSession(): Promise<ApplicantSession | null> {
  const user = await getCurrentUser();
  if (user?.role !== "applicant" || !user.personId) return null;
  return { userId: user.id, personId: user.personId, actor: actorFromUser(user) };
}

export const SESSION_EXPIRED: Outcome<never> = { ok: false, error: "登录已超时，请重新登录后再操作（您已保存的内容不会丢失）。" };

/**
 * The tail of every applicant action: run one service call; a ServiceError becomes a message (plain Chinese, saying
 * what to do next) with field errors, and a conflict is flagged so the page offers 刷新.
 */
export async function act<T extends object>(call: (session: ApplicantSession) => Promise<T>): Promise<Outcome<T>> {
  const session = await applicantSession();
  if (!session) return SESSION_EXPIRED;
  try {
    return { ok: true, ...(await call(session)) };
  } catch (e) {
    if (e instanceof ServiceError) return { ok: false, error: e.message, fieldErrors: e.fieldErrors, conflict: e.kind === "conflict" || undefined };
    throw e;
  }
}
