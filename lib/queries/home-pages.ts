import { and, count, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applications, authorities, employers, people, registrations } from "@/db/schema";

/** 企业管理系统 单位信息: the employer's own record, its staff count and how many of them hold a valid registration. */
export async function employerHome(db: Executor, employerId: string) {
  const [[employer], [staff], [registered]] = await Promise.all([
    db.select().from(employers).where(eq(employers.id, employerId)),
    db.select({ n: count() }).from(people).where(eq(people.employerId, employerId)),
    db
      .select({ n: count() })
      .from(registrations)
      .where(and(eq(registrations.employerId, employerId), inArray(registrations.status, ["active", "suspended"]))),
  ]);
  return { employer, staffCount: staff?.n ?? 0, registeredCount: registered?.n ?? 0 };
}

/** 审批管理系统 首页: the reviewer's authority and its applications counted per status. */
export async function reviewHome(db: Executor, authorityId: string) {
  const [[authority], counts] = await Promise.all([
    db.select().from(authorities).where(eq(authorities.id, authorityId)),
    db
      .select({ status: applications.status, n: count() })
      .from(applications)
      .where(eq(applications.authorityId, authorityId))
      .groupBy(applications.status),
  ]);
  return { authority, countsByStatus: new Map(counts.map((c) => [c.status, c.n])) };
}
