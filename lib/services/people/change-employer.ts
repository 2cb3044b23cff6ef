import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { APPLICATION_TYPE_LABELS } from "@/lib/domain/application-types";
import { IN_FLIGHT_STATUSES, statusLabel } from "@/lib/domain/application";
import { getProgram } from "@/lib/domain/programs";
import type { Actor } from "../actor";
import { notFound, refused, say, named } from "../errors";
import { toDomainApplication } from "@/db/rows/application-rows";
import { isUuid } from "@/lib/domain/ids";

export const REGISTERED_EMPLOYER_NOTE =
  "您已注册执业，聘用单位以注册证书记载为准，不能在个人信息中更换。更换聘用单位请申请变更注册，在变更注册申请表中选择新的聘用单位，经审批后生效。";

/**
 * 个人信息 → 所在企业 (G3, `003` §2.2, `002` §3.1.1.4 验证企业名称): the person picks an employer that exists in the
 * system (its 统一社会信用代码 is shown once picked). Not while an application is in flight (G2): the employer that
 * countersigns and the authority that reviews depend on it. Unsent drafts follow the new employer and must be saved
 * again before signing (G8), because their employer fields changed.
 */
export async function changeEmployer(db: Database, actor: Actor, input: { employerId: string }, now = new Date()) {
  if (actor.role !== "applicant" || !actor.personId) throw notFound("page");
  const personId = actor.personId;
  if (!isUuid(input.employerId)) throw notFound("enterprise");
  return db.transaction(async (tx) => {
    // Serialise with a concurrent filing of the same person.
    const [person] = await tx.select().from(s.people).where(eq(s.people.id, personId)).for("update");
    if (!person) throw notFound("ownPerson");
    const [employer] = await tx.select().from(s.employers).where(eq(s.employers.id, input.employerId));
    if (!employer) throw notFound("enterprise");
    if (person.employerId === employer.id)
      return { employerId: employer.id, name: employer.name, uscc: employer.uscc, draftsUpdated: 0 };
    // A registered person's employer is the registration's: it changes only through an approved 变更注册, so nobody
    // can redirect an application (e.g. a cancellation completing on another employer's signature) with one click.
    const [registered] = await tx
      .select({ id: s.registrations.id })
      .from(s.registrations)
      .where(and(eq(s.registrations.personId, personId), inArray(s.registrations.status, ["active", "suspended"])))
      .limit(1);
    if (registered) throw refused(say("people.registeredEmployer"));

    const [busy] = await tx
      .select()
      .from(s.applications)
      .where(and(eq(s.applications.personId, personId), inArray(s.applications.status, [...IN_FLIGHT_STATUSES])))
      .limit(1);
    if (busy) {
      const status = named(
        `status.${busy.status}`,
        statusLabel(toDomainApplication(busy), getProgram(busy.programCode)),
      );
      const type = named(`type.${busy.type}`, APPLICATION_TYPE_LABELS[busy.type]);
      throw refused(say("people.busyApplication", { type, status }));
    }
    await tx
      .update(s.people)
      .set({ employerId: employer.id, employmentStart: null, updatedAt: now })
      .where(eq(s.people.id, personId));
    const drafts = await tx
      .update(s.applications)
      .set({ employerId: employer.id, savedValid: false, version: sql`${s.applications.version} + 1`, updatedAt: now })
      .where(and(eq(s.applications.personId, personId), inArray(s.applications.status, ["draft", "returned"])))
      .returning({ id: s.applications.id });
    return { employerId: employer.id, name: employer.name, uscc: employer.uscc, draftsUpdated: drafts.length };
  });
}
