import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { employers, userAccounts } from "@/db/schema";
import type { EmployerForm } from "@/lib/schemas/admin";
import { hashPassword } from "@/lib/server/password";
import type { Actor } from "../actor";
import { invalid } from "../errors";
import { recordAdminAction, requireAdmin } from "./authorize";
import { temporaryPassword } from "./temporary-password";

/**
 * 用户管理 → 新建聘用单位账号 from the 统一社会信用代码 (checksum verified by the form schema): the employer record (or
 * the one already on file with that code) and its account. Returns a one-time password to hand over.
 */
export async function createEmployerAccount(
  db: Database,
  actor: Actor,
  input: EmployerForm,
): Promise<{ id: string; temporaryPassword: string }> {
  requireAdmin(actor);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [account] = await tx
      .select({ id: userAccounts.id })
      .from(userAccounts)
      .where(and(eq(userAccounts.role, "employer"), eq(userAccounts.loginName, input.uscc)));
    if (account)
      throw invalid(`统一社会信用代码 ${input.uscc} 的单位已有账号；如忘记密码请在用户列表中重置。`, {
        uscc: "该单位已有账号",
      });
    let [employer] = await tx.select({ id: employers.id }).from(employers).where(eq(employers.uscc, input.uscc));
    if (!employer) {
      [employer] = await tx
        .insert(employers)
        .values({
          uscc: input.uscc,
          name: input.name,
          kind: input.kind,
          provinceCode: input.provinceCode,
          contactPhone: input.contactPhone,
          address: input.address,
        })
        .returning({ id: employers.id });
    }
    const [row] = await tx
      .insert(userAccounts)
      .values({
        role: "employer",
        loginName: input.uscc,
        displayName: input.name,
        employerId: employer!.id,
        phone: input.phone,
        passwordHash,
        mustChangePassword: true,
      })
      .returning({ id: userAccounts.id });
    await recordAdminAction(tx, actor, "account_created", { role: "employer", login: input.uscc, name: input.name });
    return { id: row!.id, temporaryPassword: password };
  });
}
