/**
 * 保存 under load (issue 12, item 2), in process: USERS applicants each save their own draft again and again for
 * SECONDS through `saveApplication` — the service the 保存 action calls — on the 1,000,000-application database.
 * Prints p50/p95 per save, saves per second and this process's RSS. It measures the service and the database, not
 * HTTP or the server action wrapper (session check + ownership read); see docs/performance.md.
 *   npx tsx bench/saves.ts          (BENCH_USERS=50, BENCH_SECONDS=30, BENCH_DB=portal_bench12)
 */
import os from "node:os";
import { sql } from "drizzle-orm";
import { closeDb } from "@/db/client";
import type { Actor } from "@/lib/services/actor";
import { saveApplication } from "@/lib/services/applications/save-application";
import { FULL_SCALE, openBenchDb } from "./db";
import { ms, percentiles } from "./measure";

const USERS = Number(process.env.BENCH_USERS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
process.env.DB_POOL_MAX ??= "20";
const db = await openBenchDb(process.env.BENCH_DB ?? "portal_bench12", FULL_SCALE);

// One account and one fresh 初始注册 draft per simulated applicant (bench people 1..USERS), made idempotently.
const { rows } = await db.execute(
  sql.join([
    sql`
  with who as (
    select p.id as person_id, p.name, (select a.program_code from applications a where a.person_id = p.id limit `,
    sql`1) as program_code
    from generate_series(1, ${USERS}) g join people p on p.id = md5('bp' || g)::uuid
  ), acct as (
    insert into user_accounts (role, login_name, display_name, person_id, phone)
    select 'applicant', 'bench-saver:' || person_id, name, person_id, '13900000000' from who
    on conflict do nothing returning id, person_id
  )
  select w.person_id, w.name, w.program_code, coalesce(acct.id, u.id) as user_id
  from who w left join acct on acct.person_id = w.person_id
  left join user_accounts u on u.person_id = w.person_id and u.role = 'applicant'`,
  ]),
);
const users = rows as { person_id: string; name: string; program_code: string; user_id: string }[];
const drafts: { actor: Actor; applicationId: string; version: number }[] = [];
for (const u of users) {
  const existing = (
    await db.execute(
      sql.join([
        sql`select id, version from applications where person_id = ${u.person_id} and status = 'draft' and `,
        sql`form_data ? 'benchSaver'`,
      ]),
    )
  ).rows[0] as { id: string; version: number } | undefined;
  const app =
    existing ??
    ((
      await db.execute(
        sql.join([
          sql`
        insert into applications (person_id, program_code, type, specialty_code, employer_id, status, form_data)
        select ${u.person_id}, ${u.program_code}, 'initial', (select code from specialties where program_code `,
          sql`= ${u.program_code} limit 1),
               (select employer_id from people where id = ${u.person_id}), 'draft', '{"benchSaver": true}'
        returning id, version`,
        ]),
      )
    ).rows[0] as { id: string; version: number });
  drafts.push({
    actor: { userId: u.user_id, role: "applicant", displayName: u.name, personId: u.person_id },
    applicationId: app.id,
    version: app.version,
  });
}

const times: number[] = [];
let failures = 0;
const until = Date.now() + SECONDS * 1000;
const start = performance.now();
await Promise.all(
  drafts.map(async (d, k) => {
    while (Date.now() < until) {
      const t = performance.now();
      try {
        const saved = await saveApplication(db, d.actor, {
          applicationId: d.applicationId,
          version: d.version,
          formData: {
            benchSaver: true,
            employerPhone: "021-63210001",
            applicantOpinion: `第 ${times.length} 次保存 ${k}`,
            workExperience: [],
          },
        });
        d.version = saved.application.version;
        times.push(performance.now() - t);
      } catch (e) {
        failures++;
        if (failures < 3) console.error(e);
      }
    }
  }),
);
const elapsed = (performance.now() - start) / 1000;
const { p50, p95 } = percentiles(times);
console.log(
  `${USERS} applicants saving for ${SECONDS} s (pool ${process.env.DB_POOL_MAX}): ${times.length} saves, ` +
    `${failures} failed`,
);
console.log(
  `p50 ${ms(p50)}   p95 ${ms(p95)}   ${(times.length / elapsed).toFixed(0)} saves/s   RSS ` +
    `${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
);
console.log(
  `load average: ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")} on ${os.cpus().length} cores`,
);
await closeDb();
