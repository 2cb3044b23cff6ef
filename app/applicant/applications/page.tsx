import { PageHead } from "@/components/shell/AppShell";
import { formatDateTime, orDash } from "@/components/ui/format";
import { PAGE_SIZE, Pagination, pageParam } from "@/components/ui/Pagination";
import { getDb } from "@/db/client";
import { APPLICATION_TYPE_LABELS } from "@/lib/domain/application-types";
import { STATUS_LABELS } from "@/lib/domain/transitions";
import { applicantApplications } from "@/lib/queries/applicant";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "上报业务查询 - 个人申报系统" };

export default async function ApplicationsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireRole("applicant");
  const page = pageParam((await searchParams).page);
  const { rows, total } = await applicantApplications(getDb(), user.personId!, page, PAGE_SIZE);
  return (
    <>
      <PageHead title="上报业务查询" crumb="上报业务查询" />
      <section className="card">
        {rows.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>受理编号</th>
                  <th>业务类型</th>
                  <th>注册项目 / 专业</th>
                  <th>办理机构</th>
                  <th>状态</th>
                  <th>创建时间</th>
                  <th>上报时间</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((a) => (
                  <tr key={a.id}>
                    <td>{orDash(a.acceptanceNo)}</td>
                    <td>{APPLICATION_TYPE_LABELS[a.type]}</td>
                    <td>
                      {a.programName}
                      {a.specialtyName ? ` / ${a.specialtyName}` : ""}
                    </td>
                    <td>{orDash(a.authorityName)}</td>
                    <td>
                      <span className="pill">{STATUS_LABELS[a.status]}</span>
                    </td>
                    <td>{formatDateTime(a.createdAt)}</td>
                    <td>{formatDateTime(a.submittedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">您还没有上报过业务。办理注册业务请使用“各类业务申报”（建设中）。</p>
        )}
        <Pagination page={page} total={total} href={(p) => `/applicant/applications?page=${p}`} />
      </section>
    </>
  );
}
