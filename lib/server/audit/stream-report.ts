import type { AuditStream, Epoch, LegacyFold } from "./epochs";
import { epochSeal } from "./epochs";

/** What 审计校验 found in one audit stream. */
export type StreamReport = {
  stream: AuditStream;
  /** Rows checked. */
  events: number;
  /**
   * Pre-key rows: verified with the old unkeyed hash (application events) or unchained (security events), both covered
   * by the sealed epoch.
   */
  legacyEvents: number;
  /** Chains with at least one bad row (application events: one chain per application; security events: one chain). */
  brokenChains: number;
  /** The first bad row found, or a problem with the stream's epoch (eventId null). */
  broken: BrokenLink | null;
};

export type BrokenLink = { eventId: number | null; chainId: string | null; seq: number | null; reason: string };

/**
 * The stream's pre-key rows against their seal. Problems here cannot name one row when rows were removed or added, so
 * they name the epoch; an edited old application event is usually named at its row by the unkeyed hash already.
 */
export function checkEpoch(epoch: Epoch | undefined, fold: LegacyFold): BrokenLink | null {
  const at = (reason: string): BrokenLink => ({ eventId: null, chainId: null, seq: null, reason });
  if (!epoch) return fold.count > 0 ? at("缺少审计链起点记录（audit_chain_epochs 中该记录流的行被删除）") : null;
  if (!epoch.seal || epoch.seal !== epochSeal(epoch)) return at("审计链起点记录未封存或被改动");
  if (fold.count !== epoch.legacyCount || fold.digest() !== epoch.legacyDigest) {
    return at(`启用审计密钥前的旧记录被改动、删除或增加（封存时 ${epoch.legacyCount} 条，现有 ${fold.count} 条）`);
  }
  return null;
}
