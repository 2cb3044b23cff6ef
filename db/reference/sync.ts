/**
 * Applies reference data — programs, specialties, authorities and their hierarchy — to the database. Runs on every
 * start, before the optional demo seed; a second run with the same data changes nothing.
 *
 * Programs and specialties are owned by their definitions (lib/domain and reference files): names follow them.
 * Authorities are created once from the data and then belong to the administrators (名称, 上级, 停用 are edited on
 * 机构管理), so an existing authority is never overwritten at start.
 */
import { eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import * as s from "../schema";
import type { Program } from "@/lib/domain/programs";
import type { AuthorityDefinition } from "@/lib/schemas/reference-data";

export interface ReferenceData {
  programs: readonly Program[];
  authorities: readonly AuthorityDefinition[];
}

/** Returns how many rows it inserted or changed (0 when the database already matches the data). */
export async function syncReferenceData(db: Executor, data: ReferenceData): Promise<number> {
  let changed = 0;
  for (const program of data.programs) {
    const provinceCode = program.jurisdiction.kind === "provincial" ? program.jurisdiction.provinceCode : null;
    const rows = await db
      .insert(s.programs)
      .values({ code: program.code, name: program.name, provinceCode })
      .onConflictDoUpdate({
        target: s.programs.code,
        set: { name: program.name, provinceCode },
        setWhere: sql.join([
          sql`(${s.programs.name}, ${s.programs.provinceCode}) is distinct from `,
          sql`(excluded.name, excluded.province_code)`,
        ]),
      })
      .returning({ code: s.programs.code });
    changed += rows.length;
    for (const sp of program.specialties) {
      const spRows = await db
        .insert(s.specialties)
        .values({ programCode: program.code, code: sp.code, name: sp.name })
        .onConflictDoUpdate({
          target: [s.specialties.programCode, s.specialties.code],
          set: { name: sp.name },
          setWhere: sql`${s.specialties.name} is distinct from excluded.name`,
        })
        .returning({ code: s.specialties.code });
      changed += spRows.length;
    }
  }

  // Parents before children: a definition may name a parent defined later in the list or already in the database.
  const pending = [...data.authorities];
  while (pending.length > 0) {
    const before = pending.length;
    for (const a of [...pending]) {
      let parentId: string | null = null;
      if (a.parentCode) {
        const [parent] = await db
          .select({ id: s.authorities.id })
          .from(s.authorities)
          .where(eq(s.authorities.code, a.parentCode));
        if (!parent) continue;
        parentId = parent.id;
      }
      const rows = await db
        .insert(s.authorities)
        .values({
          code: a.code,
          name: a.name,
          level: a.level,
          provinceCode: a.provinceCode ?? null,
          numberingCode: a.numberingCode,
          officeCode: a.officeCode,
          contactPhone: a.contactPhone ?? null,
          contactAddress: a.contactAddress ?? null,
          officeHours: a.officeHours ?? null,
          parentId,
        })
        .onConflictDoNothing({ target: s.authorities.code })
        .returning({ id: s.authorities.id });
      changed += rows.length;
      pending.splice(pending.indexOf(a), 1);
    }
    if (pending.length === before) {
      throw new Error(
        `参考数据中的机构 ${pending.map((a) => `${a.code}（上级 ${a.parentCode}）`).join("、")} 的上级机构不存在。`,
      );
    }
  }
  return changed;
}
