import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { authorities } from "@/db/schema";
import type { AuthorityEdit } from "@/lib/schemas/admin";
import type { Actor } from "../actor";
import { invalid, notFound } from "../errors";
import { recordAdminAction, requireAdmin } from "./authorize";

/** 机构管理 → 修改: name, 上级机构, province, phone, 停用/启用. The code and level stay (numbers already carry them). */
export async function updateAuthority(db: Database, actor: Actor, id: string, input: AuthorityEdit): Promise<void> {
  requireAdmin(actor);
  await db.transaction(async (tx) => {
    const all = await tx.select({ id: authorities.id, parentId: authorities.parentId }).from(authorities).for("update");
    const current = all.find((a) => a.id === id);
    if (!current) throw notFound("authority");
    if (input.parentId) {
      const parentOf = new Map(all.map((a) => [a.id, a.parentId]));
      if (!parentOf.has(input.parentId)) throw invalid("所选上级机构不存在，请重新选择。", { parentId: "请重新选择" });
      // The hierarchy must stay a tree: the new parent may not be this authority or one below it.
      for (let p: string | null | undefined = input.parentId; p; p = parentOf.get(p)) {
        if (p === id) throw invalid("上级机构不能是本机构或其下级机构。", { parentId: "请选择其他机构" });
      }
    }
    await tx.update(authorities).set(input).where(eq(authorities.id, id));
    await recordAdminAction(tx, actor, "authority_updated", { authorityId: id, ...input });
  });
}
