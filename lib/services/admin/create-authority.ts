import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { authorities } from "@/db/schema";
import type { AuthorityForm } from "@/lib/schemas/admin";
import type { Actor } from "../actor";
import { invalid } from "../errors";
import { recordAdminAction, requireAdmin } from "./authorize";

/** 机构管理 → 新建机构. Provincial authorities need their province (applications are routed by it). */
export async function createAuthority(db: Database, actor: Actor, input: AuthorityForm): Promise<{ id: string }> {
  requireAdmin(actor);
  if (input.level === "provincial" && !input.provinceCode)
    throw invalid("省级机构须选择所在省份。", { provinceCode: "请选择省级行政区" });
  return db.transaction(async (tx) => {
    const [same] = await tx.select({ id: authorities.id }).from(authorities).where(eq(authorities.code, input.code));
    if (same) throw invalid(`机构代码 ${input.code} 已被使用，请换一个。`, { code: "机构代码已被使用" });
    if (input.parentId) {
      const [parent] = await tx
        .select({ id: authorities.id })
        .from(authorities)
        .where(eq(authorities.id, input.parentId));
      if (!parent) throw invalid("所选上级机构不存在，请重新选择。", { parentId: "请重新选择" });
    }
    const [row] = await tx.insert(authorities).values(input).returning({ id: authorities.id });
    await recordAdminAction(tx, actor, "authority_created", { authority: input.code, name: input.name });
    return { id: row!.id };
  });
}
