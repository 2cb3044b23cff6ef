import type { UserRole } from "@/lib/domain/types";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";

/** Who is acting, as established by the session on the server (never taken from the request body). */
export type Actor = {
  userId: string;
  role: UserRole;
  displayName: string;
  personId?: string | null;
  employerId?: string | null;
  authorityId?: string | null;
  /** The language the actor reads: a refusal or confirmation this use case writes for them is in it. */
  locale?: Locale;
};

/** The portal itself acting (automatic approval, numbering), recorded as such in the audit trail. */
export const SYSTEM_ACTOR: Actor = { userId: "", role: "admin", displayName: "系统" };

/** The portal itself (no signed-in user ever has an empty id). */
export function isSystemActor(actor: Actor): boolean {
  return actor.userId === SYSTEM_ACTOR.userId && actor.role === SYSTEM_ACTOR.role;
}

/** The service-layer actor for a signed-in user (the session is established by lib/server/auth). */
export function actorFromUser(user: {
  id: string;
  role: UserRole;
  name: string;
  personId: string | null;
  employerId: string | null;
  authorityId: string | null;
  locale?: Locale;
}): Actor {
  return {
    userId: user.id,
    role: user.role,
    displayName: user.name,
    personId: user.personId,
    employerId: user.employerId,
    authorityId: user.authorityId,
    locale: user.locale ?? DEFAULT_LOCALE,
  };
}
