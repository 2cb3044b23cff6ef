import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { asc, eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "@/db/migrate";
import { syncReferenceData } from "@/db/reference/sync";
import * as schema from "@/db/schema";
import { findProgram } from "@/lib/domain/programs";
import { loadReferenceData } from "@/lib/server/reference-files";
import { freshDatabase } from "../support/fresh-database";

const FIXTURE = path.resolve("tests/fixtures/reference-jiangsu");

async function snapshot(db: ReturnType<typeof drizzle<typeof schema>>) {
  return {
    programs: await db.select().from(schema.programs).orderBy(asc(schema.programs.code)),
    specialties: await db
      .select()
      .from(schema.specialties)
      .orderBy(asc(schema.specialties.programCode), asc(schema.specialties.code)),
    authorities: await db.select().from(schema.authorities).orderBy(asc(schema.authorities.code)),
  };
}

describe("reference data without demo data", () => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let pool: pg.Pool;
  let db: ReturnType<typeof drizzle<typeof schema>>;
  beforeAll(async () => {
    fresh = await freshDatabase("refdata");
    pool = new pg.Pool({ connectionString: fresh.url });
    db = drizzle(pool, { schema });
    await migrateDatabase(db);
  });
  afterAll(async () => {
    await pool.end();
    await fresh.drop();
  });

  const title1 =
    "gives an empty database its programs, specialties and authorities with their hierarchy, and no " + "accounts";
  it(title1, async () => {
    const changed = await syncReferenceData(db, loadReferenceData(path.resolve("tests/fixtures/no-such-dir")));
    expect(changed).toBeGreaterThan(0);
    const snap = await snapshot(db);
    expect(snap.programs.map((p) => p.code)).toEqual(
      expect.arrayContaining(["cost1", "cost2-sh", "cost2-zj", "architect1", "survey-design"]),
    );
    expect(snap.specialties.length).toBeGreaterThanOrEqual(13);
    const byCode = new Map(snap.authorities.map((a) => [a.code, a]));
    expect([...byCode.keys()]).toEqual(expect.arrayContaining(["mohurd", "ceca", "hk", "sh", "zj", "bj"]));
    // 香港地区 → 中价协 → 住建部
    expect(byCode.get("hk")!.parentId).toBe(byCode.get("ceca")!.id);
    expect(byCode.get("ceca")!.parentId).toBe(byCode.get("mohurd")!.id);
    expect(await db.select().from(schema.userAccounts)).toHaveLength(0);
    expect(await db.select().from(schema.people)).toHaveLength(0);
  });

  it("is idempotent: a second and third run change nothing", async () => {
    const before = await snapshot(db);
    expect(await syncReferenceData(db, loadReferenceData(FIXTURE))).toBeGreaterThan(0); // the 江苏 file adds rows once
    const withJiangsu = await snapshot(db);
    expect(await syncReferenceData(db, loadReferenceData(FIXTURE))).toBe(0);
    expect(await syncReferenceData(db, loadReferenceData(FIXTURE))).toBe(0);
    expect(await snapshot(db)).toEqual(withJiangsu);
    expect(withJiangsu.authorities).toHaveLength(before.authorities.length + 1);
  });

  it("keeps what an administrator changed on an authority (a restart does not overwrite it)", async () => {
    await db
      .update(schema.authorities)
      .set({ name: "上海市住房和城乡建设管理委员会（改名）", contactPhone: "021-1" })
      .where(eq(schema.authorities.code, "sh"));
    expect(await syncReferenceData(db, loadReferenceData(FIXTURE))).toBe(0);
    const [sh] = await db.select().from(schema.authorities).where(eq(schema.authorities.code, "sh"));
    expect(sh!.name).toBe("上海市住房和城乡建设管理委员会（改名）");
  });

  it("refuses a reference file with a mistake in one plain sentence naming the file", async () => {
    const fs = await import("node:fs");
    const os = await import("node:os");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ref-bad-"));
    fs.writeFileSync(
      path.join(dir, "bad.json"),
      JSON.stringify({ programs: [{ kind: "cost2-provincial", suffix: "JS!", province: "江苏省" }] }),
    );
    expect(() => loadReferenceData(dir)).toThrow(/参考数据文件 .*bad\.json 的 programs\.0\.suffix 有误/);
    fs.writeFileSync(path.join(dir, "bad.json"), "{");
    expect(() => loadReferenceData(dir)).toThrow(/不是有效的 JSON/);
    expect(findProgram("cost2-js")).toBeDefined();
  });
});
