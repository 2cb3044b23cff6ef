import { formatDateTime, orDash } from "@/components/ui/format";
import { personnelDisplay } from "@/lib/domain/personnel";
import type { PersonnelDetail } from "@/lib/queries/personnel";

/** A staff record as both the employer and the reviewer read it: status and opinion, the facts, the registrations. */
export function PersonnelFacts({ record }: { record: PersonnelDetail }) {
  return (
    <>
      <section className="card">
        <h2>审核情况</h2>
        <dl className="facts" data-testid="personnel-status">
          <div>
            <dt>审核状态</dt>
            <dd>{record.statusLabel}</dd>
          </div>
          <div>
            <dt>审核意见</dt>
            <dd>{orDash(record.reviewOpinion)}</dd>
          </div>
          <div>
            <dt>上报时间</dt>
            <dd>{record.submittedAt ? formatDateTime(record.submittedAt) : "—"}</dd>
          </div>
          <div>
            <dt>审核时间</dt>
            <dd>{record.reviewedAt ? formatDateTime(record.reviewedAt) : "—"}</dd>
          </div>
          {record.employerName ? (
            <div>
              <dt>所在单位</dt>
              <dd>{record.employerName}</dd>
            </div>
          ) : null}
        </dl>
      </section>
      <section className="card">
        <h2>人员信息</h2>
        <dl className="facts">
          {personnelDisplay(record.data).map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{orDash(v)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="card">
        <h2>注册情况</h2>
        {record.registrations.length ? (
          <div className="table-wrap">
            <table className="table" data-testid="personnel-registrations">
              <thead>
                <tr>
                  <th>注册项目</th>
                  <th>注册证书编号</th>
                  <th>注册单位</th>
                  <th>有效期至</th>
                  <th>状态</th>
                </tr>
              </thead>
              <tbody>
                {record.registrations.map((r) => (
                  <tr key={r.id}>
                    <td>{r.label}</td>
                    <td className="nowrap">
                      <a href={r.href}>{r.registrationNo}</a>
                    </td>
                    <td>{r.employerName}</td>
                    <td className="nowrap">{r.validTo}</td>
                    <td>{r.statusLabel}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">该人员暂无注册记录。</p>
        )}
      </section>
    </>
  );
}
