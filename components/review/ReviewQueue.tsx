import Link from "next/link";
import { PageHead } from "@/components/shell/AppShell";
import { formatDateTime, orDash } from "@/components/ui/format";
import { APPLICATION_TYPE_LABELS } from "@/lib/domain/application-types";
import { STATUS_LABELS } from "@/lib/domain/transitions";
import { APPLICATION_TYPES } from "@/lib/domain/types";
import { REVIEW_TABS, type ReviewQueueScreen, type ReviewTab } from "@/lib/queries/review-queues";
import { KeysetPager, queryHref } from "./KeysetPager";

/** 待受理 / 审查中 / 已办结 of the reviewer's own authority: tabs with counts, filters (GET), keyset pages. */
export function ReviewQueue({ tab, screen }: { tab: ReviewTab; screen: ReviewQueueScreen }) {
  const { q, specialties } = screen;
  const { rows, nextCursor, counts } = screen.page;
  const def = REVIEW_TABS[tab];
  const keep = { type: q.type, specialty: q.specialty, status: q.status, from: q.from, to: q.to, who: q.who, overdue: q.overdue === "1" ? "1" : undefined };
  const showDeadline = tab !== "done";
  const filtered = Object.values(keep).some(Boolean);
  const dateLabel = tab === "done" ? "办结时间" : "提交时间";
  return (
    <>
      <PageHead title={def.label} crumb={`注册审批 / ${def.label}`} />
      {q.forwarded ? (
        <div className="alert alert-success" role="status" style={{ marginBottom: 16 }}>
          受理编号 {q.forwarded}：审查通过，已报上级审批机构审批。
        </div>
      ) : null}
      <nav className="tabs" aria-label="审批队列">
        {(Object.keys(REVIEW_TABS) as ReviewTab[]).map((k) => (
          <Link key={k} href={REVIEW_TABS[k].path} className="tab" aria-current={k === tab ? "page" : undefined}>
            {REVIEW_TABS[k].label}
            <span className="tab-count" data-testid={`count-${k}`}>
              {counts[k]}
            </span>
          </Link>
        ))}
      </nav>
      <section className="card">
        <form method="get" action={def.path} className="toolbar filters" role="search" aria-label="查询条件">
          <label className="toolfield">
            <span>注册类别</span>
            <select className="select" name="type" defaultValue={q.type ?? ""}>
              <option value="">全部</option>
              {APPLICATION_TYPES.map((t) => (
                <option key={t} value={t}>
                  {APPLICATION_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          <label className="toolfield">
            <span>专业</span>
            <select className="select" name="specialty" defaultValue={q.specialty ?? ""}>
              <option value="">全部</option>
              {specialties.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
          {def.statuses.length > 1 ? (
            <label className="toolfield">
              <span>状态</span>
              <select className="select" name="status" defaultValue={q.status ?? ""}>
                <option value="">全部</option>
                {def.statuses.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label className="toolfield">
            <span>提交日期 从</span>
            <input className="input" type="date" name="from" defaultValue={q.from ?? ""} />
          </label>
          <label className="toolfield">
            <span>至</span>
            <input className="input" type="date" name="to" defaultValue={q.to ?? ""} />
          </label>
          <label className="toolfield">
            <span>姓名或证件号</span>
            <input className="input wide" name="who" defaultValue={q.who ?? ""} maxLength={40} />
          </label>
          {showDeadline ? (
            <label className="toolfield toolcheck">
              <input type="checkbox" name="overdue" value="1" defaultChecked={q.overdue === "1"} />
              <span>只看超期</span>
            </label>
          ) : null}
          <button type="submit" className="btn">
            查询
          </button>
          <Link href={def.path} className="btn btn-secondary">
            重置
          </Link>
          {/* The same filters as the list; a route handler streams the workbook. */}
          <a href={queryHref("/review/export", { tab, ...keep })} className="btn btn-secondary" download>
            导出 Excel
          </a>
        </form>
        {rows.length ? (
          <div className="table-wrap">
            <table className="table" data-testid="queue-table">
              <thead>
                <tr>
                  <th>受理编号</th>
                  <th>姓名</th>
                  <th>证件号</th>
                  <th>注册项目 / 专业</th>
                  <th>申请类型</th>
                  <th>{dateLabel}</th>
                  {showDeadline ? <th>办理时限</th> : null}
                  <th>状态</th>
                  <th>操作</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td className="nowrap">{orDash(r.acceptanceNo)}</td>
                    <td className="nowrap">
                      {r.personName}
                      {r.socialInsuranceAnomaly ? (
                        <span className="pill bad" title="社保缴纳情况异常" style={{ marginLeft: 6 }}>
                          社保异常
                        </span>
                      ) : null}
                    </td>
                    <td className="nowrap">{r.personIdNumber}</td>
                    <td>
                      {r.programName}
                      {r.specialtyName ? ` / ${r.specialtyName}` : ""}
                    </td>
                    <td className="nowrap">{r.typeLabel}</td>
                    <td className="nowrap">{formatDateTime(tab === "done" ? r.decidedAt : r.submittedAt)}</td>
                    {showDeadline ? (
                      <td className="nowrap" data-testid="decision-deadline">
                        <DecisionDeadline on={r.expectedDecisionOn} daysLeft={r.decisionDaysLeft} />
                      </td>
                    ) : null}
                    <td>
                      <span className={r.status === "approved" ? "pill ok" : r.status === "rejected" ? "pill bad" : r.status === "correction_requested" ? "pill warn" : "pill"}>
                        {r.statusLabel}
                      </span>
                    </td>
                    <td className="nowrap">
                      <Link className={tab === "done" ? "" : "btn btn-sm"} href={`/review/applications/${r.id}`}>
                        {tab === "done" ? "查看" : "办理"}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">{filtered ? "没有符合查询条件的申请，可调整查询条件后重试。" : `暂无${def.label}的申请。`}</p>
        )}
        <KeysetPager shown={rows.length} nextCursor={nextCursor} atFirst={!q.cursor} href={(cursor) => queryHref(def.path, { ...keep, cursor })} />
      </section>
    </>
  );
}

/** 办理时限: the expected decision date and working days left; overdue in red (issue 11). */
function DecisionDeadline({ on, daysLeft }: { on: string | null; daysLeft: number | null }) {
  if (!on || daysLeft === null) return <span className="deadline-none" title="自受理之日起按工作日计算">受理后起算</span>;
  if (daysLeft < 0) {
    return (
      <span className="deadline-overdue" title={`预计办结日期 ${on}`}>
        超期 {-daysLeft} 个工作日
      </span>
    );
  }
  return <span title={`预计办结日期 ${on}`}>{daysLeft === 0 ? "今日到期" : `剩 ${daysLeft} 个工作日`}</span>;
}
