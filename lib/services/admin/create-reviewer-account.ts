import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { authorities, people, userAccounts } from "@/db/schema";
import type { ReviewerForm } from "@/lib/schemas/admin";
import { hashPassword } from "@/lib/server/password";
import type { Actor } from "../actor";
import { invalid } from "../errors";
import { recordAdminAction, requireAdmin } from "./authorize";
import { temporaryPassword } from "./temporary-password";

/**
 * 用户管理 → 新建审批人员: an account of one authority (its level is the authority's level in the review chain),
 * optionally linked to the person it is. Returns a one-time password to hand over; it must be changed at first sign-in.
 */
export async function createReviewerAccount(
  db: Database,
  actor: Actor,
  input: ReviewerForm,
): Promise<{ id: string; temporaryPassword: string }> {
  requireAdmin(actor);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [authority] = await tx.select().from(authorities).where(eq(authorities.id, input.authorityId));
    if (!authority) throw invalid("所选机构不存在，请重新选择。", { authorityId: "请重新选择" });
    if (authority.disabled)
      throw invalid(`${authority.name}已停用，不能新建其审批人员。`, { authorityId: "该机构已停用" });
    const [taken] = await tx
      .select({ id: userAccounts.id })
      .from(userAccounts)
      .where(and(eq(userAccounts.loginName, input.username), eq(userAccounts.role, "reviewer")));
    const [takenByAdmin] = await tx
      .select({ id: userAccounts.id })
      .from(userAccounts)
      .where(and(eq(userAccounts.loginName, input.username), eq(userAccounts.role, "admin")));
    if (taken || takenByAdmin)
      throw invalid(`用户名 ${input.username} 已被使用，请换一个。`, { username: "用户名已被使用" });
    let personId: string | null = null;
    if (input.personIdNumber) {
      const [person] = await tx
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.idType, "resident_id"), eq(people.idNumber, input.personIdNumber)));
      if (!person) throw invalid("系统中没有该身份证号码的人员，请核对或留空。", { personIdNumber: "未找到该人员" });
      personId = person.id;
    }
    const [row] = await tx
      .insert(userAccounts)
      .values({
        role: "reviewer",
        loginName: input.username,
        displayName: input.displayName,
        authorityId: authority.id,
        personId,
        phone: input.phone,
        passwordHash,
        mustChangePassword: true,
      })
      .returning({ id: userAccounts.id });
    await recordAdminAction(tx, actor, "account_created", {
      role: "reviewer",
      login: input.username,
      authority: authority.code,
      linkedPerson: Boolean(personId),
    });
    return { id: row!.id, temporaryPassword: password };
  });
}
