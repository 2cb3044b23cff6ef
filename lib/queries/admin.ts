/** Read models of 系统管理: authorities with their parent, and the choices the administration forms offer. */
import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { authorities } from "@/db/schema";
import type { AuthorityLevel } from "@/lib/domain/types";
import { isUuid } from "@/lib/domain/ids";

export const AUTHORITY_LEVEL_LABELS: Record<AuthorityLevel, string> = {
  ministry: "部级",
  association: "行业协会（承办）",
  provincial: "省级",
  hk_route: "香港地区",
};

export async function listAuthorities(db: Executor) {
  const parent = alias(authorities, "parent");
  return db
    .select({
      id: authorities.id,
      code: authorities.code,
      name: authorities.name,
      level: authorities.level,
      provinceCode: authorities.provinceCode,
      numberingCode: authorities.numberingCode,
      officeCode: authorities.officeCode,
      contactPhone: authorities.contactPhone,
      disabled: authorities.disabled,
      parentId: authorities.parentId,
      parentName: parent.name,
    })
    .from(authorities)
    .leftJoin(parent, eq(parent.id, authorities.parentId))
    .orderBy(asc(authorities.level), asc(authorities.code));
}
export type AuthorityRow = Awaited<ReturnType<typeof listAuthorities>>[number];

export async function authorityById(db: Executor, id: string): Promise<AuthorityRow | undefined> {
  if (!isUuid(id)) return undefined;
  return (await listAuthorities(db)).find((a) => a.id === id);
}
