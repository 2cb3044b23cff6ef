import type { UserRole } from "@/lib/domain/types";

declare module "next-auth" {
  interface User {
    id: string;
    role: UserRole;
    gen: number;
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
    };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: UserRole;
    gen?: number;
    /** Sign-in time (epoch ms): the session ends 12 hours later whatever the activity. */
    authAt?: number;
    personId?: string | null;
    employerId?: string | null;
    authorityId?: string | null;
  }
}
