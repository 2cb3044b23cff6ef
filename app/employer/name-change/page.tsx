import { PageHead } from "@/components/shell/AppShell";
import { NameChangeForm } from "@/components/employer/NameChangeForm";
import { formatDateTime, orDash } from "@/components/ui/format";
import { getDb } from "@/db/client";
import { currentEmployerName, employerNameChangesOf } from "@/lib/queries/name-changes";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "单位名称变更 - 企业管理系统" };

export default async function EmployerNameChangePage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const user = await requireRole("employer");
  const db = getDb();
  const [{ done }, name, changes] = await Promise.all([
    searchParams,
    currentEmployerName(db, user.employerId!),
    employerNameChangesOf(db, user.employerId!),
  ]);
  const open = changes.some((c) => c.status === "submitted");
  return (
    <>
      <PageHead title="单位名称变更" crumb="单位信息 / 单位名称变更" />
      {done === "filed" ? (
        <div className="alert alert-success" role="status">
          名称变更已提交，请等待主管部门审核。审核通过后，本单位注册人员证书上的单位名称将统一变更，并通知其重新领证。
        </div>
      ) : null}
      <section className="card">
        <h2>办理名称变更</h2>
        <p className="help mt-0">
          本单位工商注册名称变更后，请在此提交新名称和证明材料。审核通过后，本单位所有注册人员证书上的单位名称将统一变更，注册人员须重新领取电子证书。本单位有正在办理的注册申请时不能办理名称变更，请待其办结或撤回后再提交。
        </p>
        {open ? (
          <p className="empty">本单位已有一项名称变更正在审核，请等待审核结果。</p>
        ) : (
          <NameChangeForm currentName={name ?? user.name} />
        )}
      </section>
      <section className="card">
        <h2>名称变更记录</h2>
        {changes.length ? (
          <div className="table-wrap">
            <table className="table" data-testid="name-changes">
              <thead>
                <tr>
                  <th>原名称</th>
                  <th>新名称</th>
                  <th>提交时间</th>
                  <th>状态</th>
                  <th>审核意见</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((c) => (
                  <tr key={c.id}>
                    <td>{c.oldName}</td>
                    <td>{c.newName}</td>
                    <td className="nowrap">{formatDateTime(c.filedAt)}</td>
                    <td className="nowrap">{c.statusLabel}</td>
                    <td>{orDash(c.opinion)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">暂无名称变更记录。</p>
        )}
      </section>
    </>
  );
}
