/** 常见问题 and 联系方式 on the public site. */
import { asc } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { authorities, faqEntries } from "@/db/schema";

export async function faqList(db: Executor) {
  return db
    .select()
    .from(faqEntries)
    .orderBy(asc(faqEntries.category), asc(faqEntries.position), asc(faqEntries.createdAt));
}

/** Entries grouped by category, categories in the order of their first position. */
export async function faqByCategory(db: Executor) {
  const groups = new Map<string, Awaited<ReturnType<typeof faqList>>>();
  for (const e of await faqList(db)) groups.set(e.category, [...(groups.get(e.category) ?? []), e]);
  return [...groups.entries()].map(([category, entries]) => ({ category, entries }));
}

const LEVEL_ORDER = { ministry: 0, association: 1, hk_route: 2, provincial: 3 } as const;

/** Every authority's contacts from reference data; ones without any contact yet are still listed by name. */
export async function authorityContacts(db: Executor) {
  const rows = await db
    .select({
      id: authorities.id,
      name: authorities.name,
      level: authorities.level,
      phone: authorities.contactPhone,
      address: authorities.contactAddress,
      hours: authorities.officeHours,
      provinceCode: authorities.provinceCode,
    })
    .from(authorities)
    .orderBy(asc(authorities.provinceCode), asc(authorities.name));
  return rows.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
}
