const REASONS: Record<string, { kind: "info" | "warning" | "success"; text: string }> = {
  timeout: { kind: "warning", text: "会话已超时，请重新登录。" },
  revoked: { kind: "warning", text: "登录状态已失效（密码已修改或账号已停用），请重新登录。" },
  signedout: { kind: "success", text: "您已安全退出。" },
};

/** The message shown on a login page after being sent there (?reason=…). */
export function ReasonNotice({ reason }: { reason?: string | string[] }) {
  const r = REASONS[Array.isArray(reason) ? (reason[0] ?? "") : (reason ?? "")];
  if (!r) return null;
  return (
    <div className={`alert alert-${r.kind} mb-3`} role="status">
      {r.text}
    </div>
  );
}
