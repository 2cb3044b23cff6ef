import type { UserRole } from "@/lib/domain/types";

/** Client-safe: where each role signs in and lands. */
export function loginPathFor(role: UserRole): string {
  return role === "applicant" ? "/login/applicant" : role === "employer" ? "/login/employer" : "/login/staff";
}

export function homePathFor(role: UserRole): string {
  return { applicant: "/applicant", employer: "/employer", reviewer: "/review", admin: "/admin" }[role];
}

/** Idle limit (minutes): SESSION_IDLE_MINUTES, default 30. The warning shows 2 minutes before (or at half time). */
export function sessionIdleMinutes(env: string | undefined = process.env.SESSION_IDLE_MINUTES): number {
  const n = Number(env);
  return Number.isFinite(n) && n > 0 ? n : 30;
}
