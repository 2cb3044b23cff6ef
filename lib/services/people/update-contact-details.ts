import { eq } from "drizzle-orm";
import { people } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { ActionResult } from "@/lib/action-result";
import { logSecurityEvent } from "@/lib/server/security-events";

/**
 * 基本信息修改 (N1): a person changes the mobile phone and the contact address directly; everything else goes through
 * an 信息变更 application. The old phone is kept in the security log (codes go to this phone).
 */
export async function updateContactDetails(
  db: Executor,
  input: { accountId: string; personId: string; phone: string; address: string; ip?: string; now?: Date },
): Promise<ActionResult> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ phone: people.phone, address: people.address })
      .from(people)
      .where(eq(people.id, input.personId))
      .for("update");
    if (!before) return { ok: false, error: "未找到您的人员信息，请重新登录后再试。" };
    await tx
      .update(people)
      .set({ phone: input.phone, address: input.address || null, updatedAt: now })
      .where(eq(people.id, input.personId));
    await logSecurityEvent(tx, {
      kind: "profile_changed",
      accountId: input.accountId,
      ip: input.ip,
      detail: {
        phoneChanged: before.phone !== input.phone,
        oldPhone: before.phone !== input.phone ? before.phone : undefined,
        addressChanged: (before.address ?? "") !== input.address,
      },
    });
    return { ok: true };
  });
}
