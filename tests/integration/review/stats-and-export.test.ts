import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { authorityQueueRows } from "@/lib/queries/queue-export";
import { parseReviewFilters } from "@/lib/queries/review-queues";
import { authorityStats } from "@/lib/queries/review-stats";
import { writeXlsx } from "@/lib/server/xlsx";
import { testDb, testPool } from "../support/db";

let db: Database;

/** A fresh authority and one person of its own, so the counts below are exactly what this file inserted. */
async function freshAuthority(code: string): Promise<{ authorityId: string; personId: string }> {
  const pool = testPool();
  const suffix = `${Date.now() % 1e8}${Math.floor(Math.random() * 1e4)}`;
  const { rows: a } = await pool.query(
    `insert into authorities (code, name, level, province_code, numbering_code, office_code) values ($1, $2, ` +
      `'provincial', '99', '01', '9900') returning id`,
    [`${code}${suffix}`.slice(0, 32), `测试机构${suffix}`],
  );
  const id = `99010119800101${String(Math.floor(Math.random() * 1e4)).padStart(4, "0")}`;
  const { rows: p } = await pool.query(
    `insert into people (name, gender, birth_date, id_type, id_number, phone) values ('统计人', 'male', '1980-01-01', ` +
      `'passport', $1, '13900000000') returning id`,
    [`T${suffix}${id}`.slice(0, 32)],
  );
  return { authorityId: a[0].id, personId: p[0].id };
}

const columns = [
  { header: "受理编号", width: 20, value: (r: { acceptanceNo: string }) => r.acceptanceNo },
  { header: "姓名", width: 10, value: (r: { personName: string }) => r.personName },
  { header: "状态", width: 10, value: (r: { status: string }) => r.status },
];

beforeAll(() => {
  db = testDb();
});

describe("统计 per authority", () => {
  const title1 =
    "counts by type, status and month, the median days to decision and the applications past their time " + "limit";
  it(title1, async () => {
    const { authorityId, personId } = await freshAuthority("stat");
    const pool = testPool();
    // One person may have one application in flight per program (G2), so the open ones use different programs.
    const insert = (type: string, status: string, submitted: string, decided: string | null, program = "cost2-sh") =>
      pool.query(
        `insert into applications (person_id, program_code, type, status, authority_id, current_level, ` +
          `submitted_at, decided_at) values ($1, $8, $2, $3, $4, $5, $6, $7)`,
        [
          personId,
          type,
          status,
          authorityId,
          status === "approved" || status === "rejected" ? 0 : 1,
          submitted,
          decided,
          program,
        ],
      );
    // Decided after 2, 4 and 10 days → median 4.
    await insert("initial", "approved", "2026-11-02T09:00:00+08:00", "2026-11-04T09:00:00+08:00");
    await insert("initial", "rejected", "2026-11-03T09:00:00+08:00", "2026-11-07T09:00:00+08:00");
    await insert("extension", "approved", "2026-10-10T09:00:00+08:00", "2026-10-20T09:00:00+08:00");
    // Received 2026-10-01: more than 20 working days before 2026-11-30 → overdue. Received 11-25: within its limit.
    await insert("extension", "under_review", "2026-10-01T09:00:00+08:00", null);
    await insert("change", "pending_acceptance", "2026-11-25T09:00:00+08:00", null, "cost2-zj");
    // 补正 stops the clock: not overdue however old.
    await insert("change", "correction_requested", "2026-09-01T09:00:00+08:00", null, "cost1");

    const s = await authorityStats(db, authorityId, "2026-11-30");
    expect(s.total).toBe(6);
    expect(s.byType).toEqual([
      { label: "初始注册", count: 2 },
      { label: "延续注册", count: 2 },
      { label: "变更注册", count: 2 },
    ]);
    expect(s.byStatus.find((x) => x.label === "审查中")?.count).toBe(1);
    expect(s.medianDaysToDecision).toBe(4);
    expect(s.decidedCount).toBe(3);
    expect(s.overdue).toBe(1);
    expect(s.inProgress).toBe(2);
    const nov = s.byMonth.find((m) => m.month === "2026-11");
    expect(nov).toEqual({ month: "2026-11", submitted: 3, decided: 2 });
    expect(s.byMonth).toHaveLength(12);
    expect(s.byMonth.find((m) => m.month === "2026-09")?.submitted).toBe(1);
  });
});

describe("导出 Excel", () => {
  it("exports exactly the filtered queue as a readable workbook", async () => {
    const { authorityId, personId } = await freshAuthority("exps");
    const pool = testPool();
    for (const [no, status, type] of [
      ["WEXP0001", "approved", "initial"],
      ["WEXP0002", "rejected", "initial"],
      ["WEXP0003", "approved", "extension"],
    ] as const) {
      await pool.query(
        `insert into applications (person_id, program_code, type, status, authority_id, acceptance_no, ` +
          `submitted_at, decided_at) values ($1, 'cost2-sh', $2, $3, $4, $5 || $6, now(), now())`,
        [personId, type, status, authorityId, no, authorityId.slice(0, 6)],
      );
    }
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write: (c, _e, cb) => {
        chunks.push(c);
        cb();
      },
    });
    const filters = parseReviewFilters("done", { type: "initial" });
    const n = await writeXlsx(sink, "已办结", columns, authorityQueueRows(db, authorityId, filters));
    expect(n).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("已办结")!;
    const values = sheet
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    expect(values[0]).toEqual(["受理编号", "姓名", "状态"]);
    expect(
      values
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([`WEXP0001${authorityId.slice(0, 6)}`, `WEXP0002${authorityId.slice(0, 6)}`]);
    expect(
      values
        .slice(1)
        .map((r) => r[2])
        .sort(),
    ).toEqual(["不予注册", "已办结（准予）"]);
  });

  it("streams 100,000 rows without holding them in memory (heap growth measured while exporting)", {
    timeout: 600_000,
  }, async () => {
    const { authorityId, personId } = await freshAuthority("exp");
    await testPool().query(
      `insert into applications (person_id, program_code, type, status, authority_id, acceptance_no, submitted_at, ` +
        `decided_at)
       select $1, 'cost2-sh', 'initial', 'approved', $2, 'WBIG' || $3 || lpad(g::text, 6, '0'),
              now() - g * interval '1 minute', now()
       from generate_series(1, 100000) g`,
      [personId, authorityId, authorityId.slice(0, 8)],
    );
    global.gc?.();
    const before = process.memoryUsage();
    let peakHeap = before.heapUsed;
    let peakRss = before.rss;
    const timer = setInterval(() => {
      const m = process.memoryUsage();
      peakHeap = Math.max(peakHeap, m.heapUsed);
      peakRss = Math.max(peakRss, m.rss);
    }, 50);
    let bytes = 0;
    // A slow-ish reader, like a browser download: backpressure must hold the writer back instead of buffering.
    const sink = new Writable({
      highWaterMark: 64 * 1024,
      write: (c: Buffer, _e, cb) => {
        bytes += c.length;
        setImmediate(cb);
      },
    });
    const started = Date.now();
    const n = await writeXlsx(
      sink,
      "已办结",
      columns,
      authorityQueueRows(db, authorityId, parseReviewFilters("done", {})),
    );
    clearInterval(timer);
    const seconds = (Date.now() - started) / 1000;
    const heapGrowthMb = (peakHeap - before.heapUsed) / 1024 / 1024;
    const rssGrowthMb = (peakRss - before.rss) / 1024 / 1024;
    console.log(
      `export of ${n} rows: ${(bytes / 1024 / 1024).toFixed(1)} MB xlsx in ${seconds.toFixed(1)} s; peak heap ` +
        `+${heapGrowthMb.toFixed(1)} MB, peak RSS +${rssGrowthMb.toFixed(1)} MB`,
    );
    expect(n).toBe(100_000);
    expect(bytes).toBeGreaterThan(1024 * 1024);
    // All 100,000 rows as objects take far more than this (≈ 100–200 MB); one 2,000-row batch takes a few MB.
    expect(heapGrowthMb).toBeLessThan(80);
  });
});
