import { and, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { PageHead } from "@/components/shell/AppShell";
import { formatDateTime } from "@/components/ui/format";
import { PAGE_SIZE, Pagination, pageParam } from "@/components/ui/Pagination";
import { getDb } from "@/db/client";
import { authorities, employers, people, userAccounts } from "@/db/schema";
import { USER_ROLES, type UserRole } from "@/lib/domain/types";
import { ROLE_LABELS } from "@/lib/queries/labels";
import { requireRole } from "@/lib/server/auth";
import Link from "next/link";
import { AccountActions } from "@/components/admin/AccountActions";
import { LinkPersonForm } from "@/components/admin/LinkPersonForm";
import { accountAction, linkPersonAction } from "./actions";

export const metadata = { title: "用户管理 - 系统管理" };

type Search = { q?: string; role?: string; page?: string };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const me = await requireRole("admin");
  const sp = await searchParams;
  const page = pageParam(sp.page);
  const q = (sp.q ?? "").trim().slice(0, 64);
  const role = USER_ROLES.includes(sp.role as UserRole) ? (sp.role as UserRole) : undefined;
  const conds: SQL[] = [];
  if (role) conds.push(eq(userAccounts.role, role));
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(userAccounts.loginName, like), ilike(userAccounts.displayName, like))!);
  }
  const where = conds.length ? and(...conds) : undefined;
  const db = getDb();
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: userAccounts.id,
        role: userAccounts.role,
        loginName: userAccounts.loginName,
        displayName: userAccounts.displayName,
        disabled: userAccounts.disabled,
        hasPassword: userAccounts.passwordHash,
        lastLoginAt: userAccounts.lastLoginAt,
        employerName: employers.name,
        authorityName: authorities.name,
        linkedPersonName: people.name,
      })
      .from(userAccounts)
      .leftJoin(people, eq(people.id, userAccounts.personId))
      .leftJoin(employers, eq(employers.id, sql`coalesce(${userAccounts.employerId}, ${people.employerId})`))
      .leftJoin(authorities, eq(authorities.id, userAccounts.authorityId))
      .where(where)
      .orderBy(userAccounts.role, desc(userAccounts.createdAt), userAccounts.id)
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE),
    db.select({ n: count() }).from(userAccounts).where(where),
  ]);
  const href = (p: number) => `/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), ...(role ? { role } : {}), page: String(p) })}`;
  return (
    <>
      <PageHead title="用户管理" crumb="系统管理 / 用户管理" />
      <p style={{ display: "flex", gap: 8 }}>
        <Link className="btn" href="/admin/users/new-reviewer">
          新建审批人员
        </Link>
        <Link className="btn btn-secondary" href="/admin/users/new-employer">
          新建聘用单位账号
        </Link>
      </p>
      <section className="card">
        <form className="toolbar" method="get" role="search">
          <div className="field">
            <label htmlFor="q">账号或名称</label>
            <input id="q" name="q" className="input" defaultValue={q} placeholder="证件号码、信用代码、用户名或姓名" />
          </div>
          <div className="field">
            <label htmlFor="role">角色</label>
            <select id="role" name="role" className="select" defaultValue={role ?? ""}>
              <option value="">全部角色</option>
              {USER_ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
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
                  <th>角色</th>
                  <th>登录账号</th>
                  <th>名称</th>
                  <th>所属单位/机构</th>
                  <th>关联人员</th>
                  <th>状态</th>
                  <th>最近登录</th>
                  <th>操作</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((u) => (
                  <tr key={u.id} data-testid={`account-${u.loginName.replace(/^[a-z_]+:/, "")}`}>
                    <td className="nowrap">{ROLE_LABELS[u.role]}</td>
                    <td>{u.loginName.replace(/^[a-z_]+:/, "")}</td>
                    <td>{u.displayName}</td>
                    <td>{u.authorityName ?? u.employerName ?? "—"}</td>
                    <td>
                      {u.role === "reviewer" || u.role === "employer" ? (
                        <LinkPersonForm
                          action={linkPersonAction.bind(null, u.id)}
                          name={u.displayName}
                          linkedName={u.linkedPersonName}
                          testId={`link-person-${u.loginName.replace(/^[a-z_]+:/, "")}`}
                        />
                      ) : u.role === "applicant" ? (
                        "本人"
                      ) : (
                        "—"
                      )}
                    </td>
                    <td>
                      {u.disabled ? (
                        <span className="pill bad">已停用</span>
                      ) : u.hasPassword ? (
                        <span className="pill ok">正常</span>
                      ) : (
                        <span className="pill warn">未获取密码</span>
                      )}
                    </td>
                    <td className="nowrap">{formatDateTime(u.lastLoginAt)}</td>
                    <td>
                      {u.id === me.id ? (
                        <span className="help">当前账号</span>
                      ) : (
                        <AccountActions action={accountAction.bind(null, u.id)} role={u.role} disabled={u.disabled} name={u.displayName} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">没有符合条件的账号，请调整查询条件。</p>
        )}
        <Pagination page={page} total={total?.n ?? 0} href={href} />
      </section>
    </>
  );
}
