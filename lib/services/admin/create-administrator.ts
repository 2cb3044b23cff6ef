import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { userAccounts } from "@/db/schema";
import { hashPassword, passwordProblem } from "@/lib/server/password";
import { logSecurityEvent } from "@/lib/server/security-events";
import { invalid, ServiceError } from "../errors";
import { temporaryPassword } from "./temporary-password";

const USERNAME = /^[a-z][a-z0-9_.-]{2,31}$/;

/**
 * Creates an administrator from the server's command line (`npm run admin:create`): the way a fresh installation gets
 * its first one — there is no default password. Without a password given, a one-time password is generated and must be
 * replaced at the first sign-in.
 */
export async function createAdministrator(
  db: Database,
  input: { username: string; displayName: string; password?: string },
): Promise<{ id: string; username: string; password: string; mustChangePassword: boolean }> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) throw invalid("用户名应为 3–32 位小写字母、数字、点、下划线或连字符，以字母开头。");
  const displayName = input.displayName.trim();
  if (!displayName) throw invalid("请填写管理员姓名。");
  if (input.password) {
    const problem = passwordProblem(input.password);
    if (problem) throw invalid(problem);
  }
  const password = input.password ?? temporaryPassword();
  const mustChangePassword = !input.password;
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: userAccounts.id })
      .from(userAccounts)
      .where(and(eq(userAccounts.role, "admin"), eq(userAccounts.loginName, username)));
    if (existing)
      throw new ServiceError(
        "conflict",
        `管理员账号 ${username} 已存在。如需重置其密码，请由另一位管理员在“用户管理”中操作。`,
      );
    const [row] = await tx
      .insert(userAccounts)
      .values({
        role: "admin",
        loginName: username,
        displayName,
        passwordHash: await hashPassword(password),
        mustChangePassword,
      })
      .returning({ id: userAccounts.id });
    await logSecurityEvent(tx, { kind: "admin_created", accountId: row!.id, detail: { by: "command line", username } });
    return { id: row!.id, username, password, mustChangePassword };
  });
}
