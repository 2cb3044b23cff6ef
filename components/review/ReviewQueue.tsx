import Link from "next/link";
import { PageHead } from "@/components/shell/AppShell";
import { Alert } from "@/components/ui/Alert";
import { Button, ButtonLink } from "@/components/ui/Button";
import { formatDateTime, orDash } from "@/components/ui/format";
import { Table } from "@/components/ui/Table";
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
  const keep = {
    type: q.type,
    specialty: q.specialty,
    status: q.status,
    from: q.from,
    to: q.to,
    who: q.who,
    overdue: q.overdue === "1" ? "1" : undefined,
  };
  const showDeadline = tab !== "done";
  const filtered = Object.values(keep).some(Boolean);
  const dateLabel = tab === "done" ? "办结时间" : "提交时间";
  return (
    <>
      <PageHead title={def.label} crumb={`注册审批 / ${def.label}`} />
      {q.forwarded ? (
        <Alert tone="success" className="mb-4">
          受理编号 {q.forwarded}：审查通过，已报上级审批机构审批。
        </Alert>
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
          <Button type="submit">查询</Button>
          <ButtonLink variant="secondary" href={def.path}>
            重置
          </ButtonLink>
          {/* The same filters as the list; a route handler streams the workbook. */}
          <a href={queryHref("/review/export", { tab, ...keep })} className="btn btn-secondary" download>
            导出 Excel
          </a>
        </form>
        <Table
          testId="queue-table"
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            { header: "受理编号", cell: (r) => orDash(r.acceptanceNo), className: "nowrap" },
            {
              header: "姓名",
              className: "nowrap",
              cell: (r) => (
                <>
                  {r.personName}
                  {r.socialInsuranceAnomaly ? (
                    <span className="pill bad pill-after" title="社保缴纳情况异常">
                      社保异常
                    </span>
                  ) : null}
                </>
              ),
            },
            { header: "证件号", cell: (r) => r.personIdNumber, className: "nowrap" },
            {
              header: "注册项目 / 专业",
              cell: (r) => `${r.programName}${r.specialtyName ? ` / ${r.specialtyName}` : ""}`,
            },
            { header: "申请类型", cell: (r) => r.typeLabel, className: "nowrap" },
            {
              header: dateLabel,
              cell: (r) => formatDateTime(tab === "done" ? r.decidedAt : r.submittedAt),
              className: "nowrap",
            },
            showDeadline && {
              header: "办理时限",
              className: "nowrap",
              testId: "decision-deadline",
              cell: (r) => <DecisionDeadline on={r.expectedDecisionOn} daysLeft={r.decisionDaysLeft} />,
            },
            {
              header: "状态",
              cell: (r) => (
                <span
                  className={
                    r.status === "approved"
                      ? "pill ok"
                      : r.status === "rejected"
                        ? "pill bad"
                        : r.status === "correction_requested"
                          ? "pill warn"
                          : "pill"
                  }
                >
                  {r.statusLabel}
                </span>
              ),
            },
            {
              header: "操作",
              className: "nowrap",
              cell: (r) =>
                tab === "done" ? (
                  <Link href={`/review/applications/${r.id}`}>查看</Link>
                ) : (
                  <ButtonLink size="sm" href={`/review/applications/${r.id}`}>
                    办理
                  </ButtonLink>
                ),
            },
          ]}
          empty={filtered ? "没有符合查询条件的申请，可调整查询条件后重试。" : `暂无${def.label}的申请。`}
        />
        <KeysetPager
          shown={rows.length}
          nextCursor={nextCursor}
          atFirst={!q.cursor}
          href={(cursor) => queryHref(def.path, { ...keep, cursor })}
        />
      </section>
    </>
  );
}

/** 办理时限: the expected decision date and working days left; overdue in red (issue 11). */
function DecisionDeadline({ on, daysLeft }: { on: string | null; daysLeft: number | null }) {
  if (!on || daysLeft === null)
    return (
      <span className="deadline-none" title="自受理之日起按工作日计算">
        受理后起算
      </span>
    );
  if (daysLeft < 0) {
    return (
      <span className="deadline-overdue" title={`预计办结日期 ${on}`}>
        超期 {-daysLeft} 个工作日
      </span>
    );
  }
  return <span title={`预计办结日期 ${on}`}>{daysLeft === 0 ? "今日到期" : `剩 ${daysLeft} 个工作日`}</span>;
}
