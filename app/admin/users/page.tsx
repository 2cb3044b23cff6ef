import { PageHead } from "@/components/shell/AppShell";
import { formatDateTime } from "@/components/ui/format";
import { Button, ButtonLink } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Select } from "@/components/ui/Select";
import { Table } from "@/components/ui/Table";
import { PAGE_SIZE, Pagination, pageParam } from "@/components/ui/Pagination";
import { getDb } from "@/db/client";
import { accountPage } from "@/lib/queries/admin-accounts";
import { USER_ROLES, type UserRole } from "@/lib/domain/types";
import { ROLE_LABELS } from "@/lib/queries/labels";
import { requireRole } from "@/lib/server/auth";
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
  const { rows, total } = await accountPage(getDb(), { role, q }, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const href = (p: number) =>
    `/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), ...(role ? { role } : {}), page: String(p) })}`;
  return (
    <>
      <PageHead title="用户管理" crumb="系统管理 / 用户管理" />
      <p className="row-gap">
        <ButtonLink href="/admin/users/new-reviewer">新建审批人员</ButtonLink>
        <ButtonLink variant="secondary" href="/admin/users/new-employer">
          新建聘用单位账号
        </ButtonLink>
      </p>
      <section className="card">
        <form className="toolbar" method="get" role="search">
          <Field
            name="q"
            label="账号或名称"
            inputProps={{ defaultValue: q, placeholder: "证件号码、信用代码、用户名或姓名" }}
          />
          <Field name="role" label="角色">
            {(c) => (
              <Select
                {...c}
                options={USER_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
                placeholder="全部角色"
                defaultValue={role ?? ""}
              />
            )}
          </Field>
          <Button type="submit">查询</Button>
        </form>
        <Table
          rows={rows}
          rowKey={(u) => u.id}
          rowTestId={(u) => `account-${u.loginName.replace(/^[a-z_]+:/, "")}`}
          columns={[
            { header: "角色", cell: (u) => ROLE_LABELS[u.role], className: "nowrap" },
            { header: "登录账号", cell: (u) => u.loginName.replace(/^[a-z_]+:/, "") },
            { header: "名称", cell: (u) => u.displayName },
            { header: "所属单位/机构", cell: (u) => u.authorityName ?? u.employerName ?? "—" },
            {
              header: "关联人员",
              cell: (u) =>
                u.role === "reviewer" || u.role === "employer" ? (
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
                ),
            },
            {
              header: "状态",
              cell: (u) =>
                u.disabled ? (
                  <span className="pill bad">已停用</span>
                ) : u.hasPassword ? (
                  <span className="pill ok">正常</span>
                ) : (
                  <span className="pill warn">未获取密码</span>
                ),
            },
            { header: "最近登录", cell: (u) => formatDateTime(u.lastLoginAt), className: "nowrap" },
            {
              header: "操作",
              cell: (u) =>
                u.id === me.id ? (
                  <span className="help">当前账号</span>
                ) : (
                  <AccountActions
                    action={accountAction.bind(null, u.id)}
                    role={u.role}
                    disabled={u.disabled}
                    name={u.displayName}
                  />
                ),
            },
          ]}
          empty="没有符合条件的账号，请调整查询条件。"
        />
        <Pagination page={page} total={total} href={href} />
      </section>
    </>
  );
}
