import Link from "next/link";
import { PageHead } from "@/components/shell/AppShell";
import { NewAuthorityForm } from "@/components/admin/AuthorityForms";
import { getDb } from "@/db/client";
import { PROVINCES, provinceName } from "@/lib/domain/provinces";
import { AUTHORITY_LEVEL_LABELS, listAuthorities } from "@/lib/queries/admin";
import { requireRole } from "@/lib/server/auth";
import { createAuthorityAction } from "./actions";

export const metadata = { title: "机构管理 - 系统管理" };

export default async function AuthoritiesPage() {
  await requireRole("admin");
  const rows = await listAuthorities(getDb());
  return (
    <>
      <PageHead title="机构管理" crumb="系统管理 / 机构管理" />
      <section className="card">
        <div className="table-wrap">
          <table className="table" data-testid="authorities">
            <thead>
              <tr>
                <th>机构名称</th>
                <th>代码</th>
                <th>层级</th>
                <th>省份</th>
                <th>上级机构</th>
                <th>状态</th>
                <th>操作</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id} data-testid={`authority-${a.code}`}>
                  <td>{a.name}</td>
                  <td>{a.code}</td>
                  <td className="nowrap">{AUTHORITY_LEVEL_LABELS[a.level]}</td>
                  <td className="nowrap">{a.provinceCode ? provinceName(a.provinceCode) : "—"}</td>
                  <td>{a.parentName ?? "—"}</td>
                  <td>{a.disabled ? <span className="pill bad">已停用</span> : <span className="pill ok">正常</span>}</td>
                  <td>
                    <Link href={`/admin/authorities/${a.id}`}>修改</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card">
        <h2>新建机构</h2>
        <NewAuthorityForm
          action={createAuthorityAction}
          parents={rows.map((a) => ({ value: a.id, label: a.name }))}
          provinces={Object.entries(PROVINCES).map(([value, label]) => ({ value, label }))}
          levels={Object.entries(AUTHORITY_LEVEL_LABELS).map(([value, label]) => ({ value, label }))}
        />
      </section>
    </>
  );
}
