import { PageHead } from "@/components/shell/AppShell";
import { EmployerAccountForm } from "@/components/admin/EmployerAccountForm";
import { PROVINCES } from "@/lib/domain/provinces";
import { EMPLOYER_KIND_LABELS } from "@/lib/domain/types";
import { requireRole } from "@/lib/server/auth";
import { createEmployerAction } from "../actions";

export const metadata = { title: "新建聘用单位账号 - 系统管理" };

export default async function NewEmployerPage() {
  await requireRole("admin");
  return (
    <>
      <PageHead title="新建聘用单位账号" crumb="系统管理 / 用户管理 / 新建聘用单位账号" />
      <section className="card">
        <EmployerAccountForm
          action={createEmployerAction}
          kinds={Object.entries(EMPLOYER_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          provinces={Object.entries(PROVINCES).map(([value, label]) => ({ value, label }))}
        />
      </section>
    </>
  );
}
