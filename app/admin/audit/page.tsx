import { PageHead } from "@/components/shell/AppShell";
import { formatDateTime } from "@/components/ui/format";
import { PAGE_SIZE, Pagination, pageParam } from "@/components/ui/Pagination";
import { getDb } from "@/db/client";
import { securityEventPage } from "@/lib/queries/admin-audit";
import { describeSecurityDetail, SECURITY_EVENT_LABELS } from "@/lib/queries/labels";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "审计日志 - 系统管理" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ kind?: string; page?: string }> }) {
  await requireRole("admin");
  const sp = await searchParams;
  const page = pageParam(sp.page);
  const kind = sp.kind && sp.kind in SECURITY_EVENT_LABELS ? sp.kind : undefined;
  const { rows, total } = await securityEventPage(getDb(), kind, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return (
    <>
      <PageHead title="审计日志" crumb="系统管理 / 审计日志" />
      <section className="card">
        <form className="toolbar" method="get">
          <div className="field">
            <label htmlFor="kind">事件类型</label>
            <select id="kind" name="kind" className="select" defaultValue={kind ?? ""}>
              <option value="">全部</option>
              {Object.entries(SECURITY_EVENT_LABELS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </div>
          <button className="btn" type="submit">
            查询
          </button>
        </form>
        {rows.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>时间</th>
                  <th>事件</th>
                  <th>账号</th>
                  <th>IP</th>
                  <th>详情</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ e, loginName, displayName }) => (
                  <tr key={e.id}>
                    <td>{formatDateTime(e.createdAt)}</td>
                    <td>{SECURITY_EVENT_LABELS[e.kind] ?? e.kind}</td>
                    <td>{displayName ? `${displayName}（${loginName?.replace(/^[a-z_]+:/, "")}）` : "—"}</td>
                    <td>{e.ip ?? "—"}</td>
                    <td className="pre">{describeSecurityDetail(e.detail)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">暂无记录。</p>
        )}
        <Pagination page={page} total={total} href={(p) => `/admin/audit?${new URLSearchParams({ ...(kind ? { kind } : {}), page: String(p) })}`} />
      </section>
    </>
  );
}
