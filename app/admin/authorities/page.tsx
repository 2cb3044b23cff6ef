import Link from "next/link";
import { PageHead } from "@/components/shell/AppShell";
import { NewAuthorityForm } from "@/components/admin/AuthorityForms";
import { Card } from "@/components/ui/Card";
import { Table } from "@/components/ui/Table";
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
      <Card>
        <Table
          testId="authorities"
          rows={rows}
          rowKey={(a) => a.id}
          rowTestId={(a) => `authority-${a.code}`}
          columns={[
            { header: "机构名称", cell: (a) => a.name },
            { header: "代码", cell: (a) => a.code },
            { header: "层级", cell: (a) => AUTHORITY_LEVEL_LABELS[a.level], className: "nowrap" },
            { header: "省份", cell: (a) => (a.provinceCode ? provinceName(a.provinceCode) : "—"), className: "nowrap" },
            { header: "上级机构", cell: (a) => a.parentName ?? "—" },
            {
              header: "状态",
              cell: (a) =>
                a.disabled ? <span className="pill bad">已停用</span> : <span className="pill ok">正常</span>,
            },
            { header: "操作", cell: (a) => <Link href={`/admin/authorities/${a.id}`}>修改</Link> },
          ]}
          empty="还没有机构，请在下方新建。"
        />
      </Card>
      <Card title="新建机构">
        <NewAuthorityForm
          action={createAuthorityAction}
          parents={rows.map((a) => ({ value: a.id, label: a.name }))}
          provinces={Object.entries(PROVINCES).map(([value, label]) => ({ value, label }))}
          levels={Object.entries(AUTHORITY_LEVEL_LABELS).map(([value, label]) => ({ value, label }))}
        />
      </Card>
    </>
  );
}
