/** Shared checks of public-site content written by administrators (通知公告, 常见问题). */
import type { Executor } from "@/db/client";
import { logSecurityEvent } from "@/lib/server/security-events";
import type { Actor } from "../actor";
import { notFound, type Thing } from "../errors";

export function requireAdmin(actor: Actor, what: Thing): void {
  if (actor.role !== "admin" || !actor.userId) throw notFound(what);
}

export function textField(
  value: unknown,
  label: string,
  max: number,
  errors: Record<string, string>,
  key: string,
): string {
  const v = typeof value === "string" ? value.trim() : "";
  if (!v) errors[key] = `请填写${label}`;
  else if (v.length > max) errors[key] = `${label}不超过${max}字（现有${v.length}字）`;
  return v;
}

/** Who changed which public content, in the administrators' 审计日志. */
export function auditContentChange(
  db: Executor,
  actor: Actor,
  detail: { what: "通知公告" | "常见问题"; action: string; id: string; title: string },
) {
  return logSecurityEvent(db, { kind: "site_content_changed", accountId: actor.userId, detail });
}
