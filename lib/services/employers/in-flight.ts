import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applications, people } from "@/db/schema";
import { IN_FLIGHT_STATUSES } from "@/lib/domain/application";
import { APPLICATION_TYPE_LABELS } from "@/lib/domain/application-types";
import { refused } from "../errors";

/**
 * R4: a name change is blocked while the employer has unfinished applications (`BJ`) — the forms in flight carry the
 * old name. Refuses naming each one (受理编号, 姓名, 申请类型) so the employer knows what to finish or withdraw first.
 */
export async function refuseWhileApplicationsInFlight(tx: Executor, employerId: string) {
  const open = await tx
    .select({ acceptanceNo: applications.acceptanceNo, type: applications.type, name: people.name })
    .from(applications)
    .innerJoin(people, eq(people.id, applications.personId))
    .where(and(eq(applications.employerId, employerId), inArray(applications.status, [...IN_FLIGHT_STATUSES])))
    .limit(20);
  if (!open.length) return;
  const named = open
    .map(
      (a) =>
        `${a.name}的${APPLICATION_TYPE_LABELS[a.type]}申请${a.acceptanceNo ? `（受理编号 ${a.acceptanceNo}）` : ""}`,
    )
    .join("、");
  throw refused(`本单位还有正在办理的申请：${named}。请待这些申请办结或撤回后，再办理单位名称变更。`);
}
