import Link from "next/link";
import { PageHead } from "@/components/shell/AppShell";
import { getDb } from "@/db/client";
import { adminOverview } from "@/lib/queries/admin-accounts";
import { USER_ROLES } from "@/lib/domain/types";
import { ROLE_LABELS } from "@/lib/queries/labels";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "首页 - 系统管理" };

export default async function AdminHome() {
  await requireRole("admin");
  const { accountsByRole: n, loginFailures24h } = await adminOverview(getDb());
  return (
    <>
      <PageHead title="系统管理" crumb="系统管理 / 首页" />
      <section className="card">
        <h2>账号概况</h2>
        <div className="stats">
          {USER_ROLES.map((r) => (
            <Link key={r} className="stat" href={`/admin/users?role=${r}`}>
              <span className="num">{n.get(r) ?? 0}</span>
              <span className="lbl">{ROLE_LABELS[r]}账号</span>
            </Link>
          ))}
          <Link className="stat" href="/admin/audit?kind=login_failed">
            <span className="num">{loginFailures24h}</span>
            <span className="lbl">近24小时登录失败</span>
          </Link>
        </div>
      </section>
    </>
  );
}
