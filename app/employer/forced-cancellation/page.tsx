import Link from "next/link";
import { PageHead } from "@/components/shell/AppShell";
import { Card } from "@/components/ui/Card";
import { formatDateTime, orDash } from "@/components/ui/format";
import { Table } from "@/components/ui/Table";
import { ForcedCancellationForm } from "@/components/employer/ForcedCancellationForm";
import { getDb } from "@/db/client";
import { CANCELLATION_REASONS } from "@/lib/domain/form-specs";
import { forcedCancellationsOf, staffRegistrationsInForce } from "@/lib/queries/employer-staff";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "强制注销申报 - 企业管理系统" };

export default async function EmployerForcedCancellationPage() {
  const user = await requireRole("employer");
  const db = getDb();
  const [staff, filed] = await Promise.all([
    staffRegistrationsInForce(db, user.employerId!),
    forcedCancellationsOf(db, user.employerId!),
  ]);
  return (
    <>
      <PageHead title="强制注销申报" crumb="人员类办事 / 强制注销申报" />
      <Card title="申报强制注销">
        <p className="help mt-0">
          本单位已与注册人员解除劳动关系、而该人员不配合办理注销注册的，可凭劳动仲裁机构或法院出具的解除劳动关系的仲裁文件或判决书，为其申报强制注销。强制注销无需申请人签名，由本单位数字签名后直接上报审批机构。
        </p>
        {staff.length ? (
          <ForcedCancellationForm staff={staff} reasons={CANCELLATION_REASONS} employerName={user.name} />
        ) : (
          <p className="empty">本单位暂无在有效期内的注册人员。</p>
        )}
      </Card>
      <Card title="强制注销申请">
        <p className="help mt-0">
          本单位申报的、以及本单位人员本人申报的强制注销。强制注销无需本单位签名确认，本单位仅可查看办理进度。
        </p>
        <Table
          testId="forced-table"
          rows={filed}
          rowKey={(f) => f.id}
          columns={[
            { header: "受理编号", cell: (f) => orDash(f.acceptanceNo), className: "nowrap" },
            { header: "姓名", cell: (f) => f.personName, className: "nowrap" },
            { header: "申报方", cell: (f) => f.filedBy },
            { header: "申报时间", cell: (f) => formatDateTime(f.filedAt), className: "nowrap" },
            { header: "办理状态", cell: (f) => f.statusLabel },
            { header: "操作", cell: (f) => <Link href={`/employer/applications/${f.id}`}>查看</Link> },
          ]}
          empty="暂无强制注销申请。"
        />
      </Card>
    </>
  );
}
