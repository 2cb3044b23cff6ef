/**
 * The one test for "is this an id" where a schema is not at hand (queries, services, cursors): 8-4-4-4-12 hex, the
 * exact form PostgreSQL's uuid type accepts — the `[0-9a-f-]{36}` shortcut copied around before let 36 dashes reach
 * a query, which PostgreSQL refused with an error (500). Same pattern as `uuid` in lib/schemas/common.ts.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}
