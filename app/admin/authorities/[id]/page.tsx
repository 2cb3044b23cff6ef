import { notFound } from "next/navigation";
import { PageHead } from "@/components/shell/AppShell";
import { EditAuthorityForm } from "@/components/admin/AuthorityForms";
import { getDb } from "@/db/client";
import { PROVINCES } from "@/lib/domain/provinces";
import { AUTHORITY_LEVEL_LABELS, authorityById, listAuthorities } from "@/lib/queries/admin";
import { requireRole } from "@/lib/server/auth";
import { updateAuthorityAction } from "../actions";

export const metadata = { title: "修改机构 - 系统管理" };

export default async function EditAuthorityPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole("admin");
  const { id } = await params;
  const db = getDb();
  const authority = await authorityById(db, id);
  if (!authority) notFound();
  const others = (await listAuthorities(db)).filter((a) => a.id !== authority.id);
  return (
    <>
      <PageHead title={`修改机构：${authority.name}`} crumb="系统管理 / 机构管理 / 修改" />
      <section className="card">
        <p className="help">
          代码 {authority.code} · {AUTHORITY_LEVEL_LABELS[authority.level]} · 注册编号机构代码 {authority.numberingCode}{" "}
          · 受理机构代码 {authority.officeCode}（已写入编号，不能修改）
        </p>
        <EditAuthorityForm
          action={updateAuthorityAction.bind(null, authority.id)}
          parents={others.map((a) => ({ value: a.id, label: a.name }))}
          provinces={Object.entries(PROVINCES).map(([value, label]) => ({ value, label }))}
          authority={authority}
        />
      </section>
    </>
  );
}
