import { and, asc, gt, isNotNull, isNull, lte, min } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { securityEvents } from "@/db/schema";
import { GENESIS_HASH } from "@/lib/server/audit-hash";
import { securityEventHash } from "@/lib/server/security-events";
import { BATCH, LegacyFold, loadEpochs } from "./epochs";
import { checkEpoch, type StreamReport } from "./stream-report";

type Row = typeof securityEvents.$inferSelect;

/**
 * The security and administration stream (sign-ins, lockouts, password changes, account and authority changes):
 * one chain ordered by seq, walked in keyset-paged batches. Pre-chain rows (id ≤ the epoch's legacyMaxId) were never
 * linked; they are folded and compared with the epoch's seal. A row after the epoch without a link was written around
 * the chain and is reported.
 */
export async function verifySecurityStream(db: Executor): Promise<StreamReport> {
  const epoch = (await loadEpochs(db)).get("security_events");
  const legacyMaxId = epoch?.legacyMaxId ?? 0;
  const report: StreamReport = { stream: "security_events", events: 0, legacyEvents: 0, brokenChains: 0, broken: null };

  const fold = new LegacyFold();
  for (let after = 0; ; ) {
    const rows: Row[] = await db
      .select()
      .from(securityEvents)
      .where(and(gt(securityEvents.id, after), lte(securityEvents.id, legacyMaxId)))
      .orderBy(asc(securityEvents.id))
      .limit(BATCH);
    for (const r of rows) fold.add(r);
    report.legacyEvents += rows.length;
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1]!.id;
  }

  let previous: Row | undefined;
  for (let after = 0; !report.broken; ) {
    const rows: Row[] = await db
      .select()
      .from(securityEvents)
      .where(and(isNotNull(securityEvents.seq), gt(securityEvents.seq, after)))
      .orderBy(asc(securityEvents.seq))
      .limit(BATCH);
    for (const row of rows) {
      report.events++;
      const problem = checkRow(row, previous);
      previous = row;
      if (problem) {
        report.broken = { eventId: row.id, chainId: null, seq: row.seq, reason: problem };
        break;
      }
    }
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1]!.seq!;
  }

  if (!report.broken) {
    const [unlinked] = await db
      .select({ id: min(securityEvents.id) })
      .from(securityEvents)
      .where(and(isNull(securityEvents.seq), gt(securityEvents.id, legacyMaxId)));
    if (unlinked?.id != null)
      report.broken = {
        eventId: Number(unlinked.id),
        chainId: null,
        seq: null,
        reason: "该记录未进入审计链（绕过应用写入）",
      };
  }
  report.broken ??= checkEpoch(epoch, fold);
  report.events += report.legacyEvents;
  if (report.broken) report.brokenChains = 1;
  return report;
}

function checkRow(row: Row, previous: Row | undefined): string | null {
  const expectedSeq = (previous?.seq ?? 0) + 1;
  if (row.seq !== expectedSeq) return `序号不连续：应为 ${expectedSeq}，实为 ${row.seq}（有记录被删除或插入）`;
  if (row.prevHash !== (previous?.hash ?? GENESIS_HASH)) return "前序哈希不匹配（记录链被改接）";
  const fields = {
    seq: row.seq,
    accountId: row.accountId,
    kind: row.kind,
    ip: row.ip,
    detail: row.detail,
    createdAt: row.createdAt,
    prevHash: row.prevHash,
  };
  if (securityEventHash(fields) !== row.hash) return "记录内容与哈希不符（该行被修改）";
  return null;
}
