import { createHash, randomInt } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { oneTimeCodes } from "@/db/schema";
import type { Executor } from "@/db/client";

export type CodePurpose = "activate" | "reset_password" | "sign";

export const CODE_TTL_MS = 10 * 60_000;
export const CODE_MAX_ATTEMPTS = 5;
export const CODE_RESEND_MS = 60_000;

function hashCode(accountId: string, purpose: string, code: string): string {
  return createHash("sha256").update(`${accountId}:${purpose}:${code}`).digest("hex");
}

/**
 * Issues a fresh 6-digit code (older unused codes of the same purpose stop working). Refuses within 60 s of the
 * previous code so nobody can flood a phone.
 */
export async function issueCode(
  db: Executor,
  accountId: string,
  purpose: CodePurpose,
  now: Date = new Date(),
): Promise<{ ok: true; code: string } | { ok: false; retryAfterSec: number }> {
  const [last] = await db
    .select({ createdAt: oneTimeCodes.createdAt })
    .from(oneTimeCodes)
    .where(and(eq(oneTimeCodes.accountId, accountId), eq(oneTimeCodes.purpose, purpose)))
    .orderBy(desc(oneTimeCodes.createdAt))
    .limit(1);
  if (last) {
    const waited = now.getTime() - last.createdAt.getTime();
    if (waited < CODE_RESEND_MS) return { ok: false, retryAfterSec: Math.ceil((CODE_RESEND_MS - waited) / 1000) };
  }
  await db
    .update(oneTimeCodes)
    .set({ consumedAt: now })
    .where(
      and(eq(oneTimeCodes.accountId, accountId), eq(oneTimeCodes.purpose, purpose), isNull(oneTimeCodes.consumedAt)),
    );
  const code = randomInt(0, 1_000_000).toString().padStart(6, "0");
  await db.insert(oneTimeCodes).values({
    accountId,
    purpose,
    codeHash: hashCode(accountId, purpose, code),
    expiresAt: new Date(now.getTime() + CODE_TTL_MS),
    createdAt: now,
  });
  return { ok: true, code };
}

export const CODE_EXPIRED = "短信验证码已失效（有效期10分钟），请重新获取验证码。";

export type CodeCheck = { ok: true } | { ok: false; error: string };

/** Checks the latest unused code; a wrong guess costs one of 5 attempts, a right one consumes the code. */
export async function consumeCode(
  db: Executor,
  accountId: string,
  purpose: CodePurpose,
  code: string,
  now: Date = new Date(),
): Promise<CodeCheck> {
  const [row] = await db
    .select()
    .from(oneTimeCodes)
    .where(
      and(eq(oneTimeCodes.accountId, accountId), eq(oneTimeCodes.purpose, purpose), isNull(oneTimeCodes.consumedAt)),
    )
    .orderBy(desc(oneTimeCodes.createdAt))
    .limit(1)
    .for("update");
  if (!row || row.expiresAt.getTime() <= now.getTime()) {
    return { ok: false, error: CODE_EXPIRED };
  }
  if (row.attempts >= CODE_MAX_ATTEMPTS) {
    return { ok: false, error: "短信验证码输错次数过多，请重新获取验证码。" };
  }
  if (row.codeHash !== hashCode(accountId, purpose, code.trim())) {
    const attempts = row.attempts + 1;
    await db.update(oneTimeCodes).set({ attempts }).where(eq(oneTimeCodes.id, row.id));
    const left = CODE_MAX_ATTEMPTS - attempts;
    return {
      ok: false,
      error:
        left > 0
          ? `短信验证码不正确，请核对后重新输入（还可尝试${left}次）。`
          : "短信验证码输错次数过多，请重新获取验证码。",
    };
  }
  await db.update(oneTimeCodes).set({ consumedAt: now }).where(eq(oneTimeCodes.id, row.id));
  return { ok: true };
}
