import { securityEvents } from "@/db/schema";
import type { Executor } from "@/db/client";

export type SecurityEventKind =
  | "login_ok"
  | "login_failed"
  | "logout"
  | "password_changed"
  | "password_activated"
  | "password_reset"
  | "code_sent"
  | "code_refused"
  | "code_failed"
  | "profile_changed"
  // Administration (系统管理): who did what to which account or authority; `detail` names the target.
  | "admin_created"
  | "account_created"
  | "account_disabled"
  | "account_enabled"
  | "account_unlocked"
  | "password_reset_by_admin"
  | "authority_created"
  | "authority_updated"
  /** An administrator published, edited or withdrew public-site content (通知公告, 常见问题). */
  | "site_content_changed"
  /** 人员管理 (M4): an employer saved or submitted a staff record, or a reviewer approved or returned it. */
  | "personnel_record_changed"
  /** 单位名称变更 (R4): an employer filed a name change, or a reviewer approved or rejected it. */
  | "employer_name_changed";

export async function logSecurityEvent(
  db: Executor,
  e: { kind: SecurityEventKind; accountId?: string | null; ip?: string | null; detail?: Record<string, unknown> },
): Promise<void> {
  await db.insert(securityEvents).values({
    kind: e.kind,
    accountId: e.accountId ?? null,
    ip: e.ip ? e.ip.slice(0, 64) : null,
    detail: e.detail ?? {},
  });
}
