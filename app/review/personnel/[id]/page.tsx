import Link from "next/link";
import { notFound } from "next/navigation";
import { PersonnelFacts } from "@/components/personnel/PersonnelFacts";
import { PersonnelReviewForm } from "@/components/personnel/PersonnelReviewForm";
import { PageHead } from "@/components/shell/AppShell";
import { getDb } from "@/db/client";
import { personnelRecordForReview } from "@/lib/queries/personnel";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "人员信息审核 - 审批管理系统" };

export default async function PersonnelReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("reviewer");
  const { id } = await params;
  const record = await personnelRecordForReview(getDb(), user.authorityId!, id);
  if (!record) notFound();
  return (
    <>
      <PageHead title={`人员信息审核 · ${record.name}`} crumb="人员信息 / 人员信息审核" />
      <p>
        <Link href="/review/personnel">返回审核列表</Link>
      </p>
      <PersonnelFacts record={record} />
      {record.status === "submitted" ? (
        <section className="card">
          <h2>审核</h2>
          <PersonnelReviewForm id={record.id} version={record.version} />
        </section>
      ) : null}
    </>
  );
}
