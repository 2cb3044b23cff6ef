/**
 * Realistic queue data for the benchmarks (issue 12, item 6) and the CI plan guard (item 7): people work for employers
 * spread unevenly over 27 provinces (30 authorities with the ministry, 中价协 and the 香港地区 route); each person
 * files ~3 applications over the years; the older ones are all decided, only the newest can still be in flight, so
 * statuses and types come out in the proportions the real flow produces (≈87 % 准予注册, a few % in each queue).
 * Rows are generated inside PostgreSQL in one statement per table; triggers are off during the load and the queue
 * counters are rebuilt afterwards. Autovacuum stays on; the tables are vacuumed and analyzed at the end.
 */
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

export type BenchScale = { people: number; applications: number; employers: number };

/** GB/T 2260 codes of the provinces added to the demo's 上海/浙江/北京, with rough weights (bigger provinces file more). */
const PROVINCES: [code: string, name: string, weight: number][] = [
  ["12", "天津市", 2],
  ["13", "河北省", 5],
  ["14", "山西省", 3],
  ["15", "内蒙古自治区", 2],
  ["21", "辽宁省", 3],
  ["22", "吉林省", 2],
  ["23", "黑龙江省", 2],
  ["32", "江苏省", 9],
  ["34", "安徽省", 4],
  ["35", "福建省", 4],
  ["36", "江西省", 3],
  ["37", "山东省", 8],
  ["41", "河南省", 6],
  ["42", "湖北省", 5],
  ["43", "湖南省", 4],
  ["44", "广东省", 10],
  ["45", "广西壮族自治区", 3],
  ["46", "海南省", 1],
  ["50", "重庆市", 3],
  ["51", "四川省", 6],
  ["52", "贵州省", 2],
  ["53", "云南省", 3],
  ["61", "陕西省", 3],
  ["62", "甘肃省", 1],
];
const DEMO_PROVINCES: [string, number][] = [
  ["31", 5],
  ["33", 7],
  ["11", 5],
];

export async function benchRowCount(db: Database): Promise<number> {
  const [r] = (
    await db.execute(
      sql`select count(*)::int as n from applications where acceptance_no like 'BN%' or id = md5('ba1')::uuid`,
    )
  ).rows as { n: number }[];
  return r!.n;
}

export async function fillBenchData(db: Database, scale: BenchScale, log: (m: string) => void = () => {}) {
  await db.transaction(async (tx) => {
    // Bulk load: no per-row triggers or FK checks (the generated keys are consistent by construction).
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`select setseed(0.12)`);
    for (const [code, name] of PROVINCES) {
      await tx.execute(sql`
        insert into authorities (code, name, level, province_code, numbering_code, office_code, parent_id)
        values (${`p${code}`}, ${`${name}住房和城乡建设厅`}, 'provincial', ${code}, '01', ${`${code}00`},
                (select id from authorities where code = 'mohurd'))
        on conflict (code) do nothing`);
    }
    const weighted = [...PROVINCES.map(([c, , w]) => [c, w] as const), ...DEMO_PROVINCES].flatMap(([c, w]) =>
      Array<string>(w).fill(c),
    );
    const provinceArray = sql.raw(`array[${weighted.map((c) => `'${c}'`).join(",")}]`);
    log(`employers ${scale.employers}`);
    await tx.execute(sql`
      insert into employers (id, name, uscc, kind, province_code, contact_phone)
      select md5('be' || g)::uuid, '测试工程咨询有限公司' || g, 'B' || lpad(g::text, 17, '0'), '造价咨询',
             (${provinceArray})[1 + floor(random() * ${weighted.length})::int], '010-' || lpad(g::text, 8, '0')
      from generate_series(1, ${scale.employers}) g
      on conflict do nothing`);
    log(`people ${scale.people}`);
    // Large employers hold many staff: the ordinal is skewed towards 1 (random()^2).
    await tx.execute(
      sql.join([
        sql`
      insert into people (id, name, gender, birth_date, id_type, id_number, phone, employer_id, province_code)
      select md5('bp' || x.g)::uuid,
             (array['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','郭','何','林','高','罗'])[1 + `,
        sql`floor(random() * 20)::int]
               || `,
        sql`(array['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀','霞','平',`,
        sql`'刚','桂','英','华','建','国','志','文','玉','海'])[1 + floor(random() * 30)::int]
               || case when random() < 0.6 then `,
        sql`(array['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀','霞','平',`,
        sql`'刚','桂','英','华','建','国','志','文','玉','海'])[1 + floor(random() * 30)::int] else '' end,
             case when random() < 0.7 then 'male' else 'female' end,
             date '1960-01-01' + floor(random() * 14000)::int, 'resident_id', '99' || lpad(x.g::text, 16, '0'),
             '139' || lpad(x.g::text, 8, '0'), e.id, e.province_code
      from (select g, 1 + floor(power(random(), 2) * ${scale.employers})::int as en from `,
        sql`generate_series(1, ${scale.people}) g offset 0) x
      join employers e on e.id = md5('be' || x.en)::uuid
      on conflict do nothing`,
      ]),
    );
    await tx.execute(sql`drop table if exists bench_programs`);
    await tx.execute(sql`
      create temp table bench_programs on commit drop as
      select p.code, p.province_code, coalesce(array_agg(s.code) filter (where s.code is not null), '{}') as specialties
      from programs p left join specialties s on s.program_code = p.code group by p.code, p.province_code`);
    await tx.execute(sql`
      create temp table bench_national on commit drop as
      select array_agg(code order by code) as codes from bench_programs where province_code is null`);
    log(`applications ${scale.applications}`);
    // Ordinal g belongs to person ((g-1) mod P)+1, round (g-1)/P: round 0 is each person's newest application, the only
    // one that may still be in flight (so the G2 one-in-flight index holds); older rounds are all decided.
    await tx.execute(
      sql.join([
        sql`
      with src as (
        select g, ((g - 1) % ${scale.people}) + 1 as pn, (g - 1) / ${scale.people} as round, random() as u, `,
        sql`random() as v, random() as w
        from generate_series(1, ${scale.applications}) g offset 0
      ), shaped as (
        select src.*,
          case when round = 0 then
            case when u < .030 then 'draft' when u < .045 then 'signed' when u < .048 then 'returned'
                 when u < .088 then 'pending_acceptance' when u < .090 then 'withdrawal_requested'
                 when u < .105 then 'correction_requested' when u < .150 then 'under_review' when u < .160 then `,
        sql`'publicized'
                 when u < .930 then 'approved' when u < .960 then 'rejected' when u < .990 then 'withdrawn' `,
        sql`else 'deleted' end
          else
            case when u < .910 then 'approved' when u < .950 then 'rejected' when u < .985 then 'withdrawn' `,
        sql`else 'deleted' end
          end as status,
          case when v < .22 then 'initial' when v < .52 then 'extension' when v < .77 then 'change' when v < `,
        sql`.80 then 'add_specialty'
               when v < .85 then 'cancellation' when v < .90 then 'reissue' when v < .91 then 'suspension' when `,
        sql`v < .92 then 'resumption'
               else 'info_change' end as type,
          -- newest round: the last year (in-flight ones the last 90 days); round k: k years earlier
          now() - (round * 365 + (case when round = 0 and u >= .030 and u < .160 then w * 90 else w * 365 end)) `,
        sql`* interval '1 day' as signed_at
        from src
      ), placed as (
        select sh.*, p.id as person_id, p.employer_id, p.province_code,
          (select case when bp.province_code is not null then bp.code else bn.codes[1 + floor(random() * `,
        sql`array_length(bn.codes, 1))::int] end
           from bench_national bn left join bench_programs bp on bp.province_code = p.province_code and sh.w < `,
        sql`0.5 limit 1) as program_code,
          (random() < .25) as at_ministry
        from shaped sh join people p on p.id = md5('bp' || sh.pn)::uuid
      )
      insert into applications (id, person_id, program_code, type, specialty_code, employer_id, authority_id, `,
        sql`current_level, status,
                                version, applicant_signed_at, employer_signed_at, submitted_at, accepted_at, `,
        sql`decided_at, acceptance_no,
                                ever_accepted, saved_valid, created_at, updated_at)
      select md5('ba' || pl.g)::uuid, pl.person_id, pl.program_code, pl.type,
             case when array_length(bp.specialties, 1) > 0 then bp.specialties[1 + floor(random() * `,
        sql`array_length(bp.specialties, 1))::int] end,
             pl.employer_id,
             case when pl.status in ('draft', 'signed', 'returned', 'withdrawn', 'deleted') then null
                  when pl.at_ministry and pl.status not in ('pending_acceptance', 'withdrawal_requested') then `,
        sql`(select id from authorities where code = 'mohurd')
                  else coalesce((select id from authorities a where a.level = 'provincial' and a.province_code `,
        sql`= pl.province_code limit 1),
                                (select id from authorities where code = 'mohurd')) end,
             case when pl.status in ('pending_acceptance', 'withdrawal_requested', 'correction_requested', `,
        sql`'under_review', 'publicized')
                  then case when pl.at_ministry and pl.status not in ('pending_acceptance', `,
        sql`'withdrawal_requested') then 2 else 1 end else 0 end,
             pl.status, 3,
             case when pl.status not in ('draft', 'deleted') then pl.signed_at end,
             case when pl.status not in ('draft', 'deleted', 'signed', 'returned') then pl.signed_at + interval `,
        sql`'20 hours' end,
             case when pl.status not in ('draft', 'deleted', 'signed', 'returned') then pl.signed_at + interval `,
        sql`'21 hours' end,
             case when pl.status in ('under_review', 'publicized', 'approved', 'rejected', `,
        sql`'correction_requested') then pl.signed_at + interval '3 days' end,
             case when pl.status in ('approved', 'rejected') then pl.signed_at + interval '25 days' end,
             case when pl.status not in ('draft', 'deleted') then 'BN' || pl.g end,
             pl.status in ('under_review', 'publicized', 'approved', 'rejected', 'correction_requested'),
             pl.status <> 'draft', pl.signed_at - interval '2 hours', pl.signed_at
      from placed pl join bench_programs bp on bp.code = pl.program_code
      on conflict do nothing`,
      ]),
    );
  });
  log("counters, vacuum, analyze");
  await db.execute(sql`select application_queue_counts_rebuild()`);
  await db.execute(sql`vacuum (analyze) applications`);
  await db.execute(sql`vacuum (analyze) people`);
  await db.execute(sql`vacuum (analyze) employers`);
  await db.execute(sql`vacuum (analyze) application_queue_counts`);
}
