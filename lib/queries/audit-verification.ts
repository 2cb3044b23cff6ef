/**
 * Read model of 审计校验 (/admin/audit/verify, ASVS V7.3.3): verifies every audit stream — application events (one
 * chain per application) and security/administration events (one chain) — and describes the first bad row of each in
 * the words the page shows.
 */
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applicationEvents, applications, securityEvents } from "@/db/schema";
import type { StreamReport } from "@/lib/server/audit/stream-report";
import { verifyApplicationStream } from "@/lib/server/audit/verify-audit-chain";
import { verifySecurityStream } from "@/lib/server/audit/verify-security-chain";
import { SECURITY_EVENT_LABELS } from "./labels";

export type StreamVerification = StreamReport & {
  label: string;
  /** Where the first bad row sits, for people: 申请 and 受理编号, who and when — or null when no row can be named. */
  brokenRowDescription: string | null;
  brokenAt: Date | null;
};

export type AuditVerification = { ok: boolean; streams: StreamVerification[]; tookMs: number; checkedAt: Date };

const LABELS = {
  application_events: "业务记录（每件申请一条记录链）",
  security_events: "安全与管理记录（登录、密码、账号和权限变更）",
} as const;

export async function verifyAuditTrail(db: Executor): Promise<AuditVerification> {
  const started = Date.now();
  const reports = [await verifyApplicationStream(db), await verifySecurityStream(db)];
  const streams = await Promise.all(reports.map((r) => describeStream(db, r)));
  return { ok: streams.every((s) => !s.broken), streams, tookMs: Date.now() - started, checkedAt: new Date() };
}

async function describeStream(db: Executor, r: StreamReport): Promise<StreamVerification> {
  const base = { ...r, label: LABELS[r.stream], brokenRowDescription: null, brokenAt: null };
  const id = r.broken?.eventId;
  if (id == null) return base;
  if (r.stream === "application_events") {
    const [row] = await db
      .select({
        actorName: applicationEvents.actorName,
        at: applicationEvents.occurredAt,
        acceptanceNo: applications.acceptanceNo,
      })
      .from(applicationEvents)
      .leftJoin(applications, eq(applications.id, applicationEvents.applicationId))
      .where(eq(applicationEvents.id, id));
    if (!row) return base;
    const which = row.acceptanceNo ? `受理编号 ${row.acceptanceNo} 的申请` : `申请 ${r.broken!.chainId}`;
    return {
      ...base,
      brokenRowDescription: `${which}的第 ${r.broken!.seq} 条记录（${row.actorName}）`,
      brokenAt: row.at,
    };
  }
  const [row] = await db
    .select({ kind: securityEvents.kind, at: securityEvents.createdAt })
    .from(securityEvents)
    .where(eq(securityEvents.id, id));
  if (!row) return base;
  return {
    ...base,
    brokenRowDescription:
      `安全记录“${SECURITY_EVENT_LABELS[row.kind] ?? row.kind}”` +
      `${r.broken!.seq ? `（链上第 ${r.broken!.seq} 条）` : ""}`,
    brokenAt: row.at,
  };
}
