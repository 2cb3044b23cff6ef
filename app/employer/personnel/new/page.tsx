import Link from "next/link";
import { PersonnelForm } from "@/components/personnel/PersonnelForm";
import { PageHead } from "@/components/shell/AppShell";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "新增人员 - 企业管理系统" };

export default async function NewPersonnelPage() {
  await requireRole("employer");
  return (
    <>
      <PageHead title="新增人员" crumb="人员类办事 / 人员管理 / 新增人员" />
      <p>
        <Link href="/employer/personnel">返回人员列表</Link>
      </p>
      <section className="card">
        <h2>人员信息</h2>
        <PersonnelForm />
      </section>
    </>
  );
}
