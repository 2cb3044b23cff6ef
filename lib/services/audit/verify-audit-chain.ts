import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applicationEvents } from "@/db/schema";
import { eventHash, GENESIS_HASH } from "./hash-chain";

export type ChainVerdict =
  | { ok: true; events: number }
  | { ok: false; applicationId: string; eventId: number; seq: number; reason: string };

/**
 * Recomputes every hash of the given application's chain (or of all chains) and reports the first row that does not
 * match: an altered column, a missing row (gap in seq) or a re-linked row (prev_hash not the previous hash).
 */
export async function verifyAuditChain(db: Executor, applicationId?: string): Promise<ChainVerdict> {
  const query = db.select().from(applicationEvents);
  const rows = await (applicationId ? query.where(eq(applicationEvents.applicationId, applicationId)) : query).orderBy(
    asc(applicationEvents.applicationId),
    asc(applicationEvents.seq),
  );
  let previous: { applicationId: string; seq: number; hash: string } | undefined;
  for (const row of rows) {
    const sameChain = previous?.applicationId === row.applicationId;
    const expectedSeq = sameChain ? previous!.seq + 1 : 1;
    const expectedPrev = sameChain ? previous!.hash : GENESIS_HASH;
    const fail = (reason: string): ChainVerdict => ({ ok: false, applicationId: row.applicationId, eventId: row.id, seq: row.seq, reason });
    if (row.seq !== expectedSeq) return fail(`序号不连续：应为 ${expectedSeq}，实为 ${row.seq}（有记录被删除或插入）`);
    if (row.prevHash !== expectedPrev) return fail("前序哈希不匹配（记录链被改接）");
    if (eventHash(row) !== row.hash) return fail("记录内容与哈希不符（该行被修改）");
    previous = row;
  }
  return { ok: true, events: rows.length };
}
