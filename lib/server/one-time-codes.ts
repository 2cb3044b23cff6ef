import { createHash, randomInt } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { oneTimeCodes } from "@/db/schema";
import type { Executor } from "@/db/client";

export type CodePurpose = "activate" | "reset_password" | "sign";

const CODE_TTL_MS = 10 * 60_000;
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

/**
 * `error` is the plain-Chinese message; `reason` (and `left`, the attempts remaining) lets a use case say the same in
 * the reader's language (issue 14 item 4).
 */
export type CodeCheck =
  | { ok: true }
  | { ok: false; error: string; reason: "wrong" | "tooMany" | "expired"; left?: number };

/**
 * Checks the latest unused code; a wrong guess costs one of 5 attempts, a right one consumes the code.
 *
 * One conditional UPDATE does the whole check (ASVS V2.7.x / issue 9 item 6): it picks the latest live code with
 * attempts left, and either consumes it (right code) or counts the attempt (wrong code) in the same statement. Parallel
 * guesses therefore serialise on the row and can never get more than 5 evaluations, and one right code can be
 * accepted only once. Run it inside the caller's transaction so the consumption rolls back with the caller's work.
 */
export async function consumeCode(
  db: Executor,
  accountId: string,
  purpose: CodePurpose,
  code: string,
  now: Date = new Date(),
): Promise<CodeCheck> {
  const given = hashCode(accountId, purpose, code.trim());
  // Hoisted only to keep the statement's lines short; it is spliced in verbatim.
  const openOfPurpose = sql`${oneTimeCodes.purpose} = ${purpose} and ${oneTimeCodes.consumedAt} is null`;
  const result = await db.execute<{ matched: boolean; attempts: number }>(sql`
    update ${oneTimeCodes} set
      attempts = ${oneTimeCodes.attempts} + case when ${oneTimeCodes.codeHash} = ${given} then 0 else 1 end,
      consumed_at = case when ${oneTimeCodes.codeHash} = ${given} then ${now.toISOString()}::timestamptz else null end
    where ${oneTimeCodes.id} = (
      select ${oneTimeCodes.id} from ${oneTimeCodes}
      where ${oneTimeCodes.accountId} = ${accountId} and ${openOfPurpose}
      order by ${oneTimeCodes.createdAt} desc limit 1
    )
      and ${oneTimeCodes.consumedAt} is null
      and ${oneTimeCodes.expiresAt} > ${now.toISOString()}::timestamptz
      and ${oneTimeCodes.attempts} < ${CODE_MAX_ATTEMPTS}
    returning (${oneTimeCodes.consumedAt} is not null) as matched, ${oneTimeCodes.attempts} as attempts`);
  const row = result.rows[0];
  if (row?.matched) return { ok: true };
  if (row) {
    const left = CODE_MAX_ATTEMPTS - Number(row.attempts);
    return left > 0
      ? { ok: false, error: `短信验证码不正确，请核对后重新输入（还可尝试${left}次）。`, reason: "wrong", left }
      : { ok: false, error: "短信验证码输错次数过多，请重新获取验证码。", reason: "tooMany" };
  }
  // Nothing updated: no live code, or its attempts are used up. Tell which, without touching anything.
  const [latest] = await db
    .select({ attempts: oneTimeCodes.attempts, expiresAt: oneTimeCodes.expiresAt })
    .from(oneTimeCodes)
    .where(
      and(eq(oneTimeCodes.accountId, accountId), eq(oneTimeCodes.purpose, purpose), isNull(oneTimeCodes.consumedAt)),
    )
    .orderBy(desc(oneTimeCodes.createdAt))
    .limit(1);
  if (latest && latest.expiresAt.getTime() > now.getTime() && latest.attempts >= CODE_MAX_ATTEMPTS) {
    return { ok: false, error: "短信验证码输错次数过多，请重新获取验证码。", reason: "tooMany" };
  }
  return { ok: false, error: CODE_EXPIRED, reason: "expired" };
}

/**
 * Whether `code` is the latest live code with attempts left — read only, nothing counted or consumed. Signing asks
 * this before it spends CPU on rendering a PDF; a "no" is then counted by `consumeCode`, and a "yes" is only
 * believed once `consumeCode` accepts it inside the signing transaction.
 */
export async function codeLooksRight(
  db: Executor,
  accountId: string,
  purpose: CodePurpose,
  code: string,
  now: Date = new Date(),
): Promise<boolean> {
  const [latest] = await db
    .select({ codeHash: oneTimeCodes.codeHash, attempts: oneTimeCodes.attempts, expiresAt: oneTimeCodes.expiresAt })
    .from(oneTimeCodes)
    .where(
      and(eq(oneTimeCodes.accountId, accountId), eq(oneTimeCodes.purpose, purpose), isNull(oneTimeCodes.consumedAt)),
    )
    .orderBy(desc(oneTimeCodes.createdAt))
    .limit(1);
  return (
    !!latest &&
    latest.attempts < CODE_MAX_ATTEMPTS &&
    latest.expiresAt.getTime() > now.getTime() &&
    latest.codeHash === hashCode(accountId, purpose, code.trim())
  );
}
