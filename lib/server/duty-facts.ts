import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { DutyFacts } from "@/lib/domain/segregation-of-duties";
import type { ApplicationRow } from "@/db/rows/application-rows";

/**
 * The facts the segregation-of-duties guard needs, read in one statement inside the transition's transaction. The
 * reviewer's linked person comes from the account row, not the session, so a link an administrator just made
 * applies to the very next action. The engine checks them before every reviewer action; the review page asks the
 * same rule which buttons to show, so a reviewer who may not act sees why instead of a button that refuses.
 */
export async function dutyFacts(
  tx: Executor,
  actor: { userId: string },
  row: Pick<ApplicationRow, "id" | "personId">,
): Promise<DutyFacts> {
  const { rows } = await tx.execute<{
    actor_person: string | null;
    party_users: string[];
    party_persons: string[];
    accepted_by: string[];
  }>(
    sql.join([
      sql`
    select
      (select person_id from user_accounts where id = ${actor.userId}) as actor_person,
      array(select distinct e.actor_user_id::text from application_events e
            where e.application_id = ${row.id} and e.actor_kind in ('applicant', 'employer') and `,
      sql`e.actor_user_id is not null) as party_users,
      array(select distinct u.person_id::text from application_events e join user_accounts u on u.id = e.actor_user_id
            where e.application_id = ${row.id} and e.actor_kind in ('applicant', 'employer') and u.person_id is `,
      sql`not null) as party_persons,
      array(select distinct e.actor_user_id::text from application_events e
            where e.application_id = ${row.id} and e.action = 'accept' and e.actor_user_id is not null) as `,
      sql`accepted_by`,
    ]),
  );
  const r = rows[0]!;
  return {
    actorUserId: actor.userId,
    actorPersonId: r.actor_person,
    applicantPersonId: row.personId,
    partyUserIds: r.party_users,
    partyPersonIds: r.party_persons,
    acceptedByUserIds: r.accepted_by,
  };
}
