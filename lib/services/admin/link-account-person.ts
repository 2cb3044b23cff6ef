import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { people, userAccounts } from "@/db/schema";
import type { Actor } from "../actor";
import { invalid, notFound } from "../errors";
import { recordAdminAction, requireAdmin } from "./authorize";

const RESIDENT_ID = /^\d{17}[\dX]$/;

/**
 * 用户管理 → 关联人员: links a reviewer account, or an employer account's operator (经办人), to the person (注册人员)
 * they are, by 居民身份证号码 — or removes the link (blank). Segregation of duties (issue 9 item 9) then keeps that
 * reviewer off every application the person filed or signed, and off every one the linked employer account signed.
 * Applicant accounts are their person already; administrators review nothing.
 */
export async function linkAccountToPerson(
  db: Database,
  actor: Actor,
  input: { accountId: string; idNumber: string | null },
): Promise<{ personName: string | null }> {
  requireAdmin(actor);
  if (!/^[0-9a-f-]{36}$/i.test(input.accountId)) throw notFound("account");
  const idNumber = input.idNumber?.trim().toUpperCase() || null;
  if (idNumber && !RESIDENT_ID.test(idNumber))
    throw invalid("居民身份证号码应为 18 位（最后一位可为 X），请核对后重新填写。", {
      idNumber: "身份证号码应为 18 位",
    });
  return db.transaction(async (tx) => {
    const [account] = await tx
      .select({ id: userAccounts.id, role: userAccounts.role, loginName: userAccounts.loginName })
      .from(userAccounts)
      .where(and(eq(userAccounts.id, input.accountId), inArray(userAccounts.role, ["reviewer", "employer"])));
    if (!account) throw notFound("account");
    let person: { id: string; name: string } | undefined;
    if (idNumber) {
      [person] = await tx
        .select({ id: people.id, name: people.name })
        .from(people)
        .where(and(eq(people.idType, "resident_id"), eq(people.idNumber, idNumber)));
      if (!person)
        throw invalid("系统中没有该身份证号码的人员，请核对号码；如该人员尚未在平台登记，可先留空。", {
          idNumber: "未找到该人员",
        });
    }
    await tx
      .update(userAccounts)
      .set({ personId: person?.id ?? null })
      .where(eq(userAccounts.id, account.id));
    await recordAdminAction(tx, actor, "account_person_linked", {
      role: account.role,
      login: account.loginName,
      linkedPerson: Boolean(person),
    });
    return { personName: person?.name ?? null };
  });
}
