import { createHash } from "node:crypto";
import { and, type Column, eq, getTableColumns, is, SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { builtOnce } from "@/db/built-once";
import type { Executor } from "@/db/client";
import * as s from "@/db/schema";
import type { ApplicationRow, LastEvent } from "@/db/rows/application-rows";
import type { Actor } from "../actor";
import { chainedEvent } from "../audit/append-event";
import { eventOf, planChange, staleConflict, type TransitionRequest } from "./plan-change";

/**
 * 保存 as one statement (see `TransitionRequest.lastEvent`). A draft's save stays a draft at level 0: it voids no
 * signed form, approves nothing and tells no one (notifyParties writes nothing for the applicant's own step on a
 * draft), so the conditional UPDATE, the kept uploads and the event are all it writes.
 *
 * Why this is safe without a transaction: the row, its snapshot and the chain's last link were read in one statement;
 * the write is `UPDATE … WHERE id AND version AND status` and the event `INSERT … SELECT … FROM updated`. Every event
 * comes with a version bump, so a link that is no longer the last means the version moved: the UPDATE matches
 * nothing, the INSERT reads nothing, and the caller gets the conflict.
 */
export async function saveInOneStatement(
  db: Executor,
  actor: Actor,
  req: TransitionRequest,
  row: ApplicationRow,
  last: LastEvent | null,
  now: Date,
): Promise<{ application: ApplicationRow; eventId: number } | undefined> {
  const change = await planChange(db, actor, req, row, now);
  if (row.status !== "draft" || change.next.status !== "draft" || change.next.currentLevel !== 0)
    throw new Error("only a draft's save stays a draft with nothing else to write");
  const columns = Object.entries(change.columns).filter(([, v]) => v !== undefined);
  // A column set to an SQL expression cannot be a parameter of a prepared statement: the caller writes it instead.
  if (columns.some(([, v]) => is(v, SQL))) return undefined;
  const e = chainedEvent(eventOf(actor, req, row, change), last);
  const statement = draftSaveStatement(
    db,
    columns.map(([k]) => k),
  );
  const written = await statement.execute({
    ...Object.fromEntries(columns.map(([k, v]) => [`set.${k}`, toDriver(k, v)])),
    id: row.id,
    version: row.version,
    keep: req.keepFiles?.ids ?? [],
    owner: req.keepFiles?.ownerPersonId ?? null,
    // The event's fields under their own names; the two that are not plain values go as JSON and ISO text.
    ...e,
    payload: JSON.stringify(e.payload),
    occurredAt: e.occurredAt.toISOString(),
  });
  const eventId = written.rows[0]?.id;
  if (eventId === undefined) throw staleConflict(row);
  // What the row now holds: the row as read (the UPDATE matched its version, so nothing changed it since) with the
  // columns this change set.
  return { application: { ...row, ...change.columns } as ApplicationRow, eventId: Number(eventId) };
}

const dialect = new PgDialect();
const p = (name: string) => sql.placeholder(name);
const applicationColumns = getTableColumns(s.applications) as Record<string, Column>;

/** A column's value as the driver takes it (what drizzle's builder does for a value it binds; null stays null). */
function toDriver(key: string, value: unknown): unknown {
  const column = applicationColumns[key];
  if (!column) throw new Error(`applications has no column ${key}`);
  return value === null ? null : column.mapToDriverValue(value);
}

/**
 * The write for one shape of save (the columns planChange sets, the same for every save of a type), built once per
 * database handle and sent as a named prepared statement: drizzle's builder and PostgreSQL's parse and plan of this
 * statement cost about as much as the rest of a save (issue 12). The name is derived from the shape, so two shapes
 * never share a name on one connection.
 */
function draftSaveStatement(db: Executor, columns: string[]) {
  const shape = [...columns].sort().join(",");
  return builtOnce(db, `draft-save:${shape}`, () => {
    const a = s.applications;
    const update = db
      .update(a)
      .set(Object.fromEntries(columns.map((c) => [c, sql`${p(`set.${c}`)}`])))
      .where(and(eq(a.id, p("id")), eq(a.version, p("version")), eq(a.status, "draft")))
      .returning({ id: a.id });
    const query = sql`with updated as (${update.getSQL()}),
      kept as (update files set state = 'kept', application_id = updated.id from updated
               where files.id = any(${p("keep")}::uuid[]) and files.owner_person_id = ${p("owner")}::uuid),
      event as (insert into application_events (application_id, seq, actor_user_id, actor_kind, actor_name, action,
                  from_status, to_status, opinion, payload, occurred_at, prev_hash, hash)
                select updated.id, ${p("seq")}::int, ${p("actorUserId")}::uuid, ${p("actorKind")}::text,
                  ${p("actorName")}::text, ${p("action")}::text, ${p("fromStatus")}::text, ${p("toStatus")}::text,
                  ${p("opinion")}::text, ${p("payload")}::jsonb, ${p("occurredAt")}::timestamptz,
                  ${p("prevHash")}::text, ${p("hash")}::text
                from updated
                returning id)
      select id from event`;
    const name = `draft_save_${createHash("sha256").update(shape).digest("hex").slice(0, 16)}`;
    return db._.session.prepareQuery<{
      execute: { rows: { id: number | string }[] };
      all: unknown;
      values: unknown;
    }>(dialect.sqlToQuery(query), undefined, name, false);
  });
}
