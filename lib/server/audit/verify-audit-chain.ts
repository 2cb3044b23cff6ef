import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applicationEvents } from "@/db/schema";
import { BATCH, LegacyFold, loadEpochs } from "./epochs";
import { eventHash, GENESIS_HASH, legacyEventHash } from "./hash-chain";
import { checkEpoch, type BrokenLink, type StreamReport } from "./stream-report";

export type ChainVerdict =
  | { ok: true; events: number }
  | { ok: false; applicationId: string; eventId: number; seq: number; reason: string };

type Row = typeof applicationEvents.$inferSelect;

/**
 * Walks application_events in keyset-paged batches (application, seq) — memory stays flat at any size — recomputing
 * every link. Per application: seq must run 1, 2, 3 …, prev_hash must be the previous row's hash, and the hash must be
 * the keyed HMAC of the row; rows inside the sealed pre-key epoch may instead carry the old unkeyed SHA-256 (reported
 * as legacy). The whole-stream sweep also checks the pre-key rows against the epoch's seal.
 */
export async function verifyApplicationStream(db: Executor, applicationId?: string): Promise<StreamReport> {
  const epoch = (await loadEpochs(db)).get("application_events");
  const legacyMaxId = epoch?.legacyMaxId ?? 0;
  const fold = new LegacyFold();
  const report: StreamReport = {
    stream: "application_events",
    events: 0,
    legacyEvents: 0,
    brokenChains: 0,
    broken: null,
  };
  let previous: Row | undefined;
  let skipChain: string | null = null; // a chain already found broken: its later rows add nothing
  for (let after: Row | undefined; ; ) {
    const rows: Row[] = await db
      .select()
      .from(applicationEvents)
      .where(
        and(
          applicationId ? eq(applicationEvents.applicationId, applicationId) : undefined,
          after
            ? sql.join([
                sql`(${applicationEvents.applicationId}, ${applicationEvents.seq}) > `,
                sql`(${after.applicationId}::uuid, ${after.seq})`,
              ])
            : undefined,
        ),
      )
      .orderBy(asc(applicationEvents.applicationId), asc(applicationEvents.seq))
      .limit(BATCH);
    for (const row of rows) {
      report.events++;
      if (row.id <= legacyMaxId) fold.add(row);
      const problem = checkRow(row, previous, legacyMaxId);
      previous = row;
      if (problem === "legacy") report.legacyEvents++;
      else if (problem && skipChain !== row.applicationId) {
        skipChain = row.applicationId;
        report.brokenChains++;
        report.broken ??= { eventId: row.id, chainId: row.applicationId, seq: row.seq, reason: problem };
      }
    }
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1];
  }
  if (!applicationId) {
    const epochProblem = checkEpoch(epoch, fold);
    if (epochProblem) report.broken ??= epochProblem;
  }
  return report;
}

/** null: a keyed link that verifies; "legacy": a pre-key link that verifies with the old hash; else what is wrong. */
function checkRow(row: Row, previous: Row | undefined, legacyMaxId: number): string | "legacy" | null {
  const sameChain = previous?.applicationId === row.applicationId;
  const expectedSeq = sameChain ? previous!.seq + 1 : 1;
  if (row.seq !== expectedSeq) return `序号不连续：应为 ${expectedSeq}，实为 ${row.seq}（有记录被删除或插入）`;
  if (row.prevHash !== (sameChain ? previous!.hash : GENESIS_HASH)) return "前序哈希不匹配（记录链被改接）";
  if (eventHash(row) === row.hash) return null;
  const oldHashMatches = legacyEventHash(row) === row.hash;
  if (oldHashMatches && row.id <= legacyMaxId) return "legacy";
  if (oldHashMatches) return "该行使用启用密钥前的旧哈希，却写于启用之后（伪造的旧记录）";
  return "记录内容与哈希不符（该行被修改）";
}

/**
 * One application's chain, or every application's: the first row that does not verify — an altered column, a
 * missing row (gap in seq) or a re-linked row (prev_hash not the previous hash).
 */
export async function verifyAuditChain(db: Executor, applicationId?: string): Promise<ChainVerdict> {
  const report = await verifyApplicationStream(db, applicationId);
  const b: BrokenLink | null = report.broken;
  if (!b) return { ok: true, events: report.events };
  return { ok: false, applicationId: b.chainId ?? "", eventId: b.eventId ?? 0, seq: b.seq ?? 0, reason: b.reason };
}
