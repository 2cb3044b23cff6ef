import type { UserRole } from "@/lib/domain/types";
import type { Locale } from "@/lib/i18n/locales";

declare module "next-auth" {
  interface User {
    id: string;
    role: UserRole;
    gen: number;
    /** An administrator set a one-time password: the user must choose their own before anything else. */
    mustChangePassword?: boolean;
    personId: string | null;
    employerId: string | null;
    authorityId: string | null;
  }
  interface Session {
    user: {
      id: string;
      role: UserRole;
      name: string;
      personId: string | null;
      employerId: string | null;
      authorityId: string | null;
      locale: Locale;
      mustChangePassword?: boolean;
    };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: UserRole;
    gen?: number;
    mustChangePassword?: boolean;
    /** Sign-in time (epoch ms): the session ends 12 hours later whatever the activity. */
    authAt?: number;
    personId?: string | null;
    employerId?: string | null;
    authorityId?: string | null;
    locale?: Locale;
  }
}
