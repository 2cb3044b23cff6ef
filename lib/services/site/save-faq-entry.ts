import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { faqEntries } from "@/db/schema";
import type { Actor } from "../actor";
import { conflict, invalid, notFound } from "../errors";
import { auditContentChange, requireAdmin, textField } from "./content-rules";
import { isUuid } from "@/lib/domain/ids";

export type FaqInput = {
  /** Absent for a new entry. */
  id?: string;
  version?: number;
  category: string;
  question: string;
  answer: string;
  position: string | number;
};

/** 常见问题: an administrator adds or edits one question and its answer. */
export async function saveFaqEntry(db: Database, actor: Actor, input: FaqInput, now = new Date()) {
  requireAdmin(actor, "faq");
  const errors: Record<string, string> = {};
  const category = textField(input.category, "问题分类", 40, errors, "category");
  const question = textField(input.question, "问题", 300, errors, "question");
  const answer = textField(input.answer, "解答", 5000, errors, "answer");
  const position = Number(input.position === "" ? 0 : input.position);
  if (!Number.isInteger(position) || position < 0 || position > 9999) errors.position = "排序请填写0至9999的整数";
  if (Object.keys(errors).length) throw invalid("常见问题未保存，请按提示修改。", errors);
  if (input.id !== undefined && !isUuid(input.id)) throw notFound("faq");

  return db.transaction(async (tx) => {
    let id: string;
    if (input.id === undefined) {
      const [row] = await tx
        .insert(faqEntries)
        .values({ category, question, answer, position, createdAt: now, updatedAt: now })
        .returning({ id: faqEntries.id });
      id = row!.id;
    } else {
      const rows = await tx
        .update(faqEntries)
        .set({ category, question, answer, position, updatedAt: now, version: sql`${faqEntries.version} + 1` })
        .where(and(eq(faqEntries.id, input.id), eq(faqEntries.version, input.version ?? -1)))
        .returning({ id: faqEntries.id });
      if (!rows.length) {
        const [exists] = await tx.select({ id: faqEntries.id }).from(faqEntries).where(eq(faqEntries.id, input.id));
        if (!exists) throw notFound("faq");
        throw conflict("该问题刚刚已被他人修改。请刷新页面，在最新内容上重新修改。");
      }
      id = input.id;
    }
    await auditContentChange(tx, actor, { what: "常见问题", action: input.id ? "修改" : "新增", id, title: question });
    return { id };
  });
}
