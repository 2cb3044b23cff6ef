import pg from "pg";

/** Database the browser tests' portal runs on; recreated at each server start (see server.ts). */
export const E2E_SERVER_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
/** One database per port, so two test runs on different E2E_PORTs never drop each other's database. */
export const E2E_DATABASE_NAME = process.env.E2E_DATABASE_NAME ?? `portal_e2e_${process.env.E2E_PORT ?? 3100}`;

export function e2eDatabaseUrl(): string {
  const u = new URL(E2E_SERVER_URL);
  u.pathname = `/${E2E_DATABASE_NAME}`;
  return u.toString();
}

/** Runs one query against the portal's database (tests read the SMS outbox this way, as a tester would). */
export async function query<T extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** The latest one-time code texted to a phone (development SMS provider writes to sms_outbox). */
export async function latestSmsCode(phone: string): Promise<string> {
  const rows = await query<{ body: string }>("select body from sms_outbox where phone = $1 order by id desc limit 1", [
    phone,
  ]);
  const code = rows[0]?.body.match(/\d{6}/)?.[0];
  if (!code) throw new Error(`no SMS code found for ${phone}`);
  return code;
}
