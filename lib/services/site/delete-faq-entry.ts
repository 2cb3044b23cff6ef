import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { faqEntries } from "@/db/schema";
import type { Actor } from "../actor";
import { notFound } from "../errors";
import { auditContentChange, requireAdmin } from "./content-rules";
import { isUuid } from "@/lib/domain/ids";

/** 删除常见问题. The question's text stays in the 审计日志 entry. */
export async function deleteFaqEntry(db: Database, actor: Actor, input: { id: string }) {
  requireAdmin(actor, "faq");
  if (!isUuid(input.id)) throw notFound("faq");
  return db.transaction(async (tx) => {
    const rows = await tx
      .delete(faqEntries)
      .where(eq(faqEntries.id, input.id))
      .returning({ question: faqEntries.question });
    if (!rows.length) throw notFound("faq");
    await auditContentChange(tx, actor, { what: "常见问题", action: "删除", id: input.id, title: rows[0]!.question });
    return { id: input.id };
  });
}
