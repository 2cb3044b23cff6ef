import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applications, people } from "@/db/schema";
import { IN_FLIGHT_STATUSES } from "@/lib/domain/application";
import { APPLICATION_TYPE_LABELS } from "@/lib/domain/application-types";
import { joined, named, refused, say } from "../errors";

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
  const each = open.map((a) =>
    say("employers.inFlightItem", {
      name: a.name,
      type: named(`type.${a.type}`, APPLICATION_TYPE_LABELS[a.type]),
      ref: a.acceptanceNo ? say("employers.acceptanceRef", { no: a.acceptanceNo }) : "",
    }),
  );
  throw refused(say("employers.inFlight", { list: joined(each, true) }));
}
