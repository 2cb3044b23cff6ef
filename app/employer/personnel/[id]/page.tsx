import Link from "next/link";
import { notFound } from "next/navigation";
import { PersonnelFacts } from "@/components/personnel/PersonnelFacts";
import { PersonnelForm } from "@/components/personnel/PersonnelForm";
import { SubmitPersonnelButton } from "@/components/personnel/SubmitPersonnelButton";
import { PageHead } from "@/components/shell/AppShell";
import { getDb } from "@/db/client";
import { employerPersonnelRecord } from "@/lib/queries/personnel";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "人员信息 - 企业管理系统" };

const DONE: Record<string, string> = {
  saved: "人员信息已保存。核对无误后请点击“上报审核”。",
  submitted: "已上报主管部门审核，审核结果和意见将显示在本页。",
};

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> };

export default async function EmployerPersonnelRecordPage({ params, searchParams }: Props) {
  const user = await requireRole("employer");
  const [{ id }, { done }] = await Promise.all([params, searchParams]);
  const record = await employerPersonnelRecord(getDb(), user.employerId!, id);
  if (!record) notFound();
  return (
    <>
      <PageHead title={`人员信息 · ${record.name}`} crumb="人员类办事 / 人员管理 / 人员信息" />
      <p>
        <Link href="/employer/personnel">返回人员列表</Link>
      </p>
      {done && DONE[done] ? (
        <div className="alert alert-success" role="status">
          {DONE[done]}
        </div>
      ) : null}
      <PersonnelFacts record={record} />
      {record.editable ? (
        <>
          <section className="card">
            <h2>上报审核</h2>
            <SubmitPersonnelButton id={record.id} version={record.version} />
          </section>
          <section className="card">
            <h2>修改人员信息</h2>
            <PersonnelForm key={record.version} record={record} />
          </section>
        </>
      ) : null}
    </>
  );
}
