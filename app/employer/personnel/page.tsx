import Link from "next/link";
import { PageHead } from "@/components/shell/AppShell";
import { formatDateTime, orDash } from "@/components/ui/format";
import { getDb } from "@/db/client";
import { employerPersonnel } from "@/lib/queries/personnel";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "人员管理 - 企业管理系统" };

export default async function EmployerPersonnelPage() {
  const user = await requireRole("employer");
  const rows = await employerPersonnel(getDb(), user.employerId!);
  return (
    <>
      <PageHead title="人员管理" crumb="人员类办事 / 人员管理" />
      <section className="card">
        <h2>本单位人员信息</h2>
        <p className="help mt-0">
          请完善本单位人员的基本信息、学历和职称信息，保存后上报主管部门审核。审核通过只表示所报信息已审核，不作为注册条件满足的依据。
        </p>
        <p>
          <Link className="btn" href="/employer/personnel/new">
            新增人员
          </Link>
        </p>
        {rows.length ? (
          <div className="table-wrap">
            <table className="table" data-testid="personnel-table">
              <thead>
                <tr>
                  <th>姓名</th>
                  <th>证件号码</th>
                  <th>学历</th>
                  <th>技术职称</th>
                  <th>审核状态</th>
                  <th>审核意见</th>
                  <th>上报时间</th>
                  <th>操作</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td className="nowrap">{r.name}</td>
                    <td className="nowrap">{r.idNumber}</td>
                    <td>{r.education}</td>
                    <td>{r.title}</td>
                    <td className="nowrap">{r.statusLabel}</td>
                    <td>{orDash(r.reviewOpinion)}</td>
                    <td className="nowrap">{r.submittedAt ? formatDateTime(r.submittedAt) : "—"}</td>
                    <td>
                      <Link href={`/employer/personnel/${r.id}`}>查看</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">暂无人员信息，请点击“新增人员”录入。</p>
        )}
      </section>
    </>
  );
}
