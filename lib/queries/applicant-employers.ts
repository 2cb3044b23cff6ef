import { asc, eq, ilike, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { employers } from "@/db/schema";
import { EMPLOYER_KIND_LABELS, type EmployerKind } from "@/lib/domain/types";

export type EmployerSuggestion = {
  id: string;
  name: string;
  uscc: string;
  /** The employer kind's code (names in the reader's language: domain.employerKind) and its Chinese name. */
  kind: string;
  kindLabel: string;
  provinceCode: string;
  address: string | null;
};

/** `%`, `_` and `\` typed by the user are matched literally. */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * 验证企业名称 (G3): employers whose name contains what was typed (any part), served by the trigram index on
 * employers.name. Names starting with the text come first, then shorter names. At least 2 characters.
 */
export async function searchEmployers(db: Executor, text: string, limit = 10): Promise<EmployerSuggestion[]> {
  const q = text.trim().slice(0, 50);
  if ([...q].length < 2) return [];
  const pattern = `%${likeEscape(q)}%`;
  const rows = await db
    .select({
      id: employers.id,
      name: employers.name,
      uscc: employers.uscc,
      kind: employers.kind,
      provinceCode: employers.provinceCode,
      address: employers.address,
    })
    .from(employers)
    .where(ilike(employers.name, pattern))
    .orderBy(
      sql`case when ${employers.name} ilike ${`${likeEscape(q)}%`} then 0 else 1 end`,
      sql`length(${employers.name})`,
      asc(employers.name),
    )
    .limit(Math.min(Math.max(limit, 1), 20));
  return rows.map((r) => ({ ...r, kindLabel: EMPLOYER_KIND_LABELS[r.kind as EmployerKind] ?? r.kind }));
}

export async function employerById(db: Executor, id: string): Promise<EmployerSuggestion | null> {
  const [r] = await db.select().from(employers).where(eq(employers.id, id));
  return r
    ? {
        id: r.id,
        name: r.name,
        uscc: r.uscc,
        kind: r.kind,
        kindLabel: EMPLOYER_KIND_LABELS[r.kind as EmployerKind] ?? r.kind,
        provinceCode: r.provinceCode,
        address: r.address,
      }
    : null;
}
